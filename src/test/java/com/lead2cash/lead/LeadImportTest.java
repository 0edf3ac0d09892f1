package com.lead2cash.lead;

import static org.assertj.core.api.Assertions.assertThat;

import com.lead2cash.testing.IntegrationTest;
import com.lead2cash.testing.LeadTestSupport;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import tools.jackson.databind.JsonNode;

/** Import: good and bad rows in both modes; the template round-trips. */
@IntegrationTest
class LeadImportTest {

    @Autowired MockMvcTester mvc;
    @Autowired LeadTestSupport support;
    @Autowired com.lead2cash.testing.Fixtures fixtures;
    @Autowired JdbcClient jdbc;

    private static final String HEADER = "公司名称*,来源渠道*,行业,区域,联系人,电话,预算（元）,计划采购日期,联系人有决策权\r\n";

    private JsonNode importAndWait(String fileName, byte[] content, String mode) {
        String admin = support.bearer(mvc, "admin");
        var result = mvc.post().uri("/api/v1/leads/imports").multipart()
                .file(new MockMultipartFile("file", fileName, "application/octet-stream", content))
                .param("mode", mode).header(HttpHeaders.AUTHORIZATION, admin).exchange();
        assertThat(result).hasStatus(202);
        String id = support.json(result).get("id").asString();
        return Awaitility.await("import " + id + " finished").atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> support.getJson(mvc, admin, "/api/v1/leads/imports/" + id),
                        status -> !"RUNNING".equals(status.get("state").asString()));
    }

    private int count(String prefix) {
        return jdbc.sql("select count(*) from lead_lead where company_name like :p").param("p", prefix + "%")
                .query(Integer.class).single();
    }

    private static byte[] csv(String prefix) {
        return (HEADER
                + prefix + "甲公司,展会,制造业,上海,张三,13811112222,150000,2030-01-01,是\r\n"
                + prefix + "乙公司,官网表单,,,,,,,\r\n"
                + ",展会,制造业,上海,,,,,\r\n"                                  // line 4: no company name
                + prefix + "丙公司,电视广告,,,,,,,\r\n"                           // line 5: unknown source
                + prefix + "丁公司,展会,,,,12345,abc,,\r\n"                       // line 6: bad phone and budget
                + "\"" + prefix + "戊公司, 有限\",客户转介绍,,,,,,,\r\n").getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void validRowsModeImportsEveryValidRowAndReportsEachInvalidOneWithLineAndReason() throws Exception {
        JsonNode status = importAndWait("leads.csv", csv("有效行"), "VALID_ROWS");
        assertThat(status.get("state").asString()).isEqualTo("DONE");
        assertThat(status.get("imported").asInt()).isEqualTo(3);
        assertThat(status.get("failed").asInt()).isEqualTo(3);
        assertThat(status.get("errors").findValues("line").stream().map(JsonNode::asInt).distinct().toList())
                .containsExactly(4, 5, 6);
        assertThat(status.get("errors").findValuesAsString("field")).contains("companyName", "source", "phone", "budget");
        assertThat(count("有效行")).isEqualTo(3);
        assertThat(jdbc.sql("select company_name from lead_lead where company_name like '有效行戊%'").query(String.class)
                .single()).isEqualTo("有效行戊公司, 有限");

        // the import's page shows the same outcome, with each refused line
        var session = fixtures.session(mvc, "admin", com.lead2cash.testing.Fixtures.ADMIN_PASSWORD);
        String html = mvc.get().uri("/leads/imports/" + status.get("id").asString() + "?lang=zh-CN").cookie(session)
                .exchange().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(html).contains("100%", "导入3条，拒绝3条，共6行", "已完成").doesNotContain("??");
    }

    @Test
    void allOrNothingModeImportsNothingWhenAnyRowIsInvalid() throws Exception {
        JsonNode status = importAndWait("leads.csv", csv("全有全无"), "ALL_OR_NOTHING");
        assertThat(status.get("state").asString()).isEqualTo("REFUSED");
        assertThat(status.get("imported").asInt()).isZero();
        assertThat(status.get("errors")).isNotEmpty();
        assertThat(count("全有全无")).isZero();

        String good = HEADER + "全有全无A,展会,制造业,上海,,,,,\r\n全有全无B,调研,,,,,,,\r\n";
        JsonNode ok = importAndWait("good.csv", good.getBytes(StandardCharsets.UTF_8), "ALL_OR_NOTHING");
        assertThat(ok.get("state").asString()).isEqualTo("DONE");
        assertThat(count("全有全无")).isEqualTo(2);
    }

    @Test
    void theTemplateRoundTripsFilledInAsAnXlsxFile() throws Exception {
        byte[] template = mvc.get().uri("/api/v1/leads/imports/template.xlsx")
                .header(HttpHeaders.AUTHORIZATION, support.bearer(mvc, "admin")).exchange().getResponse()
                .getContentAsByteArray();
        java.util.List<String> headers = new java.util.ArrayList<>();
        try (ReadableWorkbook wb = new ReadableWorkbook(new java.io.ByteArrayInputStream(template))) {
            wb.getFirstSheet().read().get(0).forEach(c -> headers.add(c.getText()));
        }
        assertThat(headers).contains("公司名称*", "来源渠道*", "统一社会信用代码", "计划采购日期");

        ByteArrayOutputStream filled = new ByteArrayOutputStream();
        try (Workbook wb = new Workbook(filled, "test", "1.0")) {
            Worksheet ws = wb.newWorksheet("线索");
            for (int i = 0; i < headers.size(); i++) {
                ws.value(0, i, headers.get(i));
                String h = headers.get(i).replace("*", "");
                switch (h) {
                    case "公司名称" -> ws.value(1, i, "模板往返有限公司");
                    case "来源渠道" -> ws.value(1, i, "市场活动");
                    case "预算（元）" -> ws.value(1, i, 300000);
                    case "计划采购日期" -> ws.value(1, i, java.time.LocalDate.of(2031, 3, 1));
                    case "统一社会信用代码" -> ws.value(1, i, "91350100M000100Y43");
                    default -> { }
                }
            }
            ws.finish();
        }
        JsonNode status = importAndWait("filled.xlsx", filled.toByteArray(), "ALL_OR_NOTHING");
        assertThat(status.get("state").asString()).isEqualTo("DONE");
        assertThat(status.get("imported").asInt()).isEqualTo(1);
        var row = jdbc.sql("select source, budget, purchase_date, uscc from lead_lead where company_name = '模板往返有限公司'")
                .query((rs, i) -> java.util.List.of(rs.getString(1), rs.getBigDecimal(2).toPlainString(),
                        rs.getString(3), rs.getString(4))).single();
        assertThat(row).containsExactly("MARKETING_EVENT", "300000.00", "2031-03-01", "91350100M000100Y43");
    }

    @Test
    void aFileWithUnknownColumnsIsRefusedAtOnce() {
        var result = mvc.post().uri("/api/v1/leads/imports").multipart()
                .file(new MockMultipartFile("file", "x.csv", "text/csv", "名字,颜色\r\n甲,红\r\n".getBytes(StandardCharsets.UTF_8)))
                .header(HttpHeaders.AUTHORIZATION, support.bearer(mvc, "admin")).exchange();
        assertThat(result).hasStatus(422).bodyJson().extractingPath("$.errors[0].code").isEqualTo("lead.import.unknownColumns");
    }
}
