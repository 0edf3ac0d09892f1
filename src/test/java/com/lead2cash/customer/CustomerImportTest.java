package com.lead2cash.customer;

import static org.assertj.core.api.Assertions.assertThat;

import com.lead2cash.customer.internal.io.CustomerImports;
import com.lead2cash.testing.CustomerTestSupport;
import com.lead2cash.testing.HeldFirst;
import com.lead2cash.testing.IntegrationTest;
import com.lead2cash.testing.TestClock;
import com.lead2cash.testing.Workbooks;
import jakarta.servlet.http.Cookie;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.awaitility.Awaitility;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.JsonNode;

/**
 * Customer import as durable background work: every row checked first, duplicates refused (existing
 * customers, including another team's without naming them, and repeats in the file), owners only from
 * the uploader's team; VALID_ROWS stores the valid rows and reports the others by line,
 * ALL_OR_NOTHING stores nothing when a row is refused.
 */
@IntegrationTest
@Import(TestClock.class)
@TestPropertySource(properties = "l2c.scheduler.polling-interval=200ms")
class CustomerImportTest {

    @Autowired MockMvcTester mvc;
    @Autowired CustomerTestSupport support;
    @Autowired JdbcClient jdbc;
    @Autowired HeldFirst heldFirst;
    @Autowired CustomerImports imports;

    private JsonNode importAndWait(String token, String csv, String mode) {
        return importAndWait(token, "customers.csv", csv.getBytes(StandardCharsets.UTF_8), mode);
    }

    private JsonNode importAndWait(String token, String fileName, byte[] file, String mode) {
        var started = mvc.post().uri("/api/v1/customers/imports").multipart()
                .file(new MockMultipartFile("file", fileName, "application/octet-stream", file))
                .param("mode", mode).header(HttpHeaders.AUTHORIZATION, token).exchange();
        assertThat(started).hasStatus(202);
        String id = support.json(started).get("id").asString();
        AtomicReference<JsonNode> status = new AtomicReference<>();
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> {
            status.set(support.getJson(mvc, token, "/api/v1/customers/imports/" + id));
            String state = status.get().get("state").asString();
            return !state.equals("QUEUED") && !state.equals("RUNNING");
        });
        return status.get();
    }

    @Test
    void theTemplateOffersEachCodedColumnsValuesAndExplainsEveryColumnInTheReadersLanguage() throws Exception {
        var company = support.company("imptpl");
        Cookie session = support.session(mvc, company.eastRep());
        for (String[] words : new String[][] {
                {"zh-CN", "填写说明", "规模", "微型、小型、中型、大型", "\"微型,小型,中型,大型\"", "客户名称*", "是"},
                {"en", "Instructions", "规模 (Size)", "Micro, Small, Medium-sized, Large", "\"Micro,Small,Medium-sized,Large\"",
                        "客户名称* (Name)", "Yes"}}) {
            byte[] template = mvc.get().uri("/customers/imports/template.xlsx").cookie(session)
                    .header(HttpHeaders.ACCEPT_LANGUAGE, words[0]).exchange().getResponse().getContentAsByteArray();
            assertThat(com.lead2cash.testing.SpreadsheetCells.sheetNames(template)).as(words[0])
                    .containsExactly("客户", words[1]);
            assertThat(com.lead2cash.testing.SpreadsheetCells.part(template, "xl/worksheets/sheet1.xml")).as(words[0])
                    .contains("<dataValidation ", words[4], "\"A,B,C\"");
            Map<String, List<String>> help = new java.util.HashMap<>();
            com.lead2cash.testing.SpreadsheetCells.formattedRows(template, 1).forEach(r -> help.put(r.getCellText(0),
                    java.util.stream.IntStream.range(0, 4).mapToObj(i -> i < r.getCellCount() ? r.getCellText(i) : "")
                            .toList()));
            assertThat(help.get(words[2]).get(3)).as(words[0]).isEqualTo(words[3]);
            assertThat(help.get(words[5]).get(1)).as(words[0]).isEqualTo(words[6]);
        }
        // a size as the dropdown offers it to an English reader is taken
        JsonNode done = importAndWait(support.bearer(mvc, company.eastRep()),
                "客户名称,规模\r\n下拉规模有限公司,Medium-sized\r\n", "ALL_OR_NOTHING");
        assertThat(done.get("state").asString()).isEqualTo("DONE");
        assertThat(done.get("imported").asInt()).isEqualTo(1);
    }

    /** SPEC §6: the import screen's template has its API call, as the lead import's has (GET …/template.xlsx). */
    @Test
    void theApiGivesTheSameTemplateAsTheImportScreenInTheReadersLanguageAndNotToAnAnonymousCaller() throws Exception {
        var company = support.company("imptplapi");
        String rep = support.bearer(mvc, company.eastRep());
        Cookie session = support.session(mvc, company.eastRep());
        for (String language : List.of("zh-CN", "en")) {
            var api = mvc.get().uri("/api/v1/customers/imports/template.xlsx").header(HttpHeaders.AUTHORIZATION, rep)
                    .header(HttpHeaders.ACCEPT_LANGUAGE, language).exchange();
            assertThat(api).hasStatus(200).hasContentType(
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
            assertThat(api.getResponse().getHeader(HttpHeaders.CONTENT_DISPOSITION))
                    .contains("attachment", "customer-import-template.xlsx");
            byte[] screen = mvc.get().uri("/customers/imports/template.xlsx").cookie(session)
                    .header(HttpHeaders.ACCEPT_LANGUAGE, language).exchange().getResponse().getContentAsByteArray();
            byte[] template = api.getResponse().getContentAsByteArray();
            assertThat(com.lead2cash.testing.SpreadsheetCells.sheetNames(template)).as(language)
                    .containsExactly("客户", language.equals("en") ? "Instructions" : "填写说明");
            assertThat(cells(template).get(0)).as(language).contains("客户名称*", "统一社会信用代码")
                    .isEqualTo(cells(screen).get(0));
            assertThat(com.lead2cash.testing.SpreadsheetCells.formattedRows(template, 1).stream()
                    .map(r -> r.getCellText(0)).toList()).as(language)
                    .isEqualTo(com.lead2cash.testing.SpreadsheetCells.formattedRows(screen, 1).stream()
                            .map(r -> r.getCellText(0)).toList());
        }
        assertThat(mvc.get().uri("/api/v1/customers/imports/template.xlsx")).hasStatus(HttpStatus.UNAUTHORIZED);
    }

    /**
     * Walk finding: the template asked for as JSON was taken for an import's id ("template.xlsx", 400), and asked for
     * in another type it was refused as if the API answered JSON there. It is a spreadsheet: a 406 that says so, in
     * the reader's language; asked for as a spreadsheet (or anything), it is given.
     */
    @Test
    void theTemplateAskedForAsJsonIsA406ThatSaysItIsASpreadsheet() throws Exception {
        var company = support.company("imptpl406");
        String rep = support.bearer(mvc, company.eastRep());
        for (String accept : List.of("application/json", "application/yaml")) {
            for (String[] language : List.of(new String[] {"en", "spreadsheet"}, new String[] {"zh-CN", "电子表格"})) {
                var refused = mvc.get().uri("/api/v1/customers/imports/template.xlsx").header(HttpHeaders.AUTHORIZATION, rep)
                        .header(HttpHeaders.ACCEPT, accept).header(HttpHeaders.ACCEPT_LANGUAGE, language[0]).exchange();
                assertThat(refused).as(accept + " " + language[0]).hasStatus(HttpStatus.NOT_ACCEPTABLE);
                assertThat(refused).bodyJson().extractingPath("$.detail").asString().as(accept + " " + language[0])
                        .contains(language[1], ".xlsx").doesNotContain("JSON");
            }
        }
        for (String accept : List.of("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "*/*")) {
            assertThat(mvc.get().uri("/api/v1/customers/imports/template.xlsx").header(HttpHeaders.AUTHORIZATION, rep)
                    .header(HttpHeaders.ACCEPT, accept).exchange()).as(accept).hasStatus(200)
                    .hasContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        }
        assertThat(mvc.get().uri("/api/v1/customers/imports/nope").header(HttpHeaders.AUTHORIZATION, rep)
                .header(HttpHeaders.ACCEPT, "application/json")).as("an import's id that is none, as before")
                .hasStatus(HttpStatus.BAD_REQUEST);
    }

    @Test
    void validRowsAreImportedAndEachRefusedRowIsReportedWithLineAndReason() {
        var company = support.company("imp");
        String manager = support.bearer(mvc, company.eastManager());
        support.customer(mvc, support.bearer(mvc, company.westRep()), "西部已有客户有限公司", null);
        String csv = "\uFEFF客户名称*,统一社会信用代码,行业,规模,区域,客户等级,负责人（用户名）,联系人,联系人电话\r\n"
                + "导入一科技有限公司,,软件,中型,杭州,A," + company.eastRep().username() + ",钱经理,13911110001\r\n"
                + "导入二贸易有限公司,,贸易,小型,上海,B,,,\r\n"
                + ",,制造,,,,,,\r\n"
                + "西部已有客户有限公司,,,,,,,,\r\n"
                + "导入一科技有限公司,,,,,,,,\r\n"
                + "导入三制造有限公司,,,巨型,,D," + company.westRep().username() + ",,12345\r\n";
        JsonNode done = importAndWait(manager, csv, "VALID_ROWS");
        assertThat(done.get("state").asString()).isEqualTo("DONE");
        assertThat(done.get("imported").asInt()).isEqualTo(2);
        assertThat(done.get("failed").asInt()).isEqualTo(4);
        assertThat(done.get("errors").valueStream().map(e -> e.get("line").asInt()).distinct().toList())
                .containsExactly(4, 5, 6, 7);
        String report = done.get("errors").toString();
        assertThat(report).contains("another team").contains(company.westRep().displayName()).doesNotContain("C-2026");
        assertThat(report).contains("appears above in the file");
        // another team's salesperson reads as no salesperson at all: an import is no way to learn who exists
        assertThat(done.get("errors").valueStream().filter(e -> e.get("line").asInt() == 7 && "owner".equals(e.get("field").asString()))
                .map(e -> e.get("message").asString()).toList())
                .containsExactly("No active salesperson in your team has the username " + company.westRep().username() + ".");

        JsonNode first = support.getJson(mvc, manager, "/api/v1/customers?q={q}", "导入一").get("items").get(0);
        assertThat(first.get("grade").asString()).isEqualTo("A");
        assertThat(first.get("ownerId").asString()).isEqualTo(company.eastRep().id().toString());
        JsonNode contacts = support.getJson(mvc, manager, "/api/v1/customers/" + first.get("id").asString() + "/contacts");
        assertThat(contacts.get("items").get(0).get("phone").asString()).isEqualTo("13911110001");
        assertThat(support.getJson(mvc, manager, "/api/v1/customers?q={q}", "导入二").get("items").get(0)
                .get("ownerId").asString()).isEqualTo(company.eastManager().id().toString());
        assertThat(jdbc.sql("select count(*) from platform_audit_event where action = 'CREATE' and entity_type = 'Customer' and actor_id = :m")
                .param("m", company.eastManager().id()).query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void aRepImportsForThemselvesOnlyAndThePageAndTheRefusalSaySoWhereAManagersSayTheirTeam() throws Exception {
        var company = support.company("impself");
        String rep = support.bearer(mvc, company.eastRep());
        // a colleague of the same unit: within a manager's team, outside a rep's own scope
        String csv = "客户名称*,负责人（用户名）\r\n"
                + "自己导入甲有限公司,\r\n"
                + "自己导入乙有限公司," + company.eastManager().username() + "\r\n";
        JsonNode done = importAndWait(rep, csv, "VALID_ROWS");
        assertThat(done.get("imported").asInt()).isEqualTo(1);
        assertThat(done.get("errors").valueStream().filter(e -> "owner".equals(e.get("field").asString()))
                .map(e -> e.get("message").asString()).toList())
                .containsExactly("A salesperson imports customers for themselves only: " + company.eastManager().username()
                        + " is not your username (leave the owner empty).");

        for (String[] reader : new String[][] {{"rep", "You import customers for yourself: leave the owner empty",
                "您只能为自己导入客户", "of your team"}, {"manager", "an active salesperson of your team (empty: you)",
                "本团队在职销售人员的用户名", "for yourself"}}) {
            Cookie session = support.session(mvc, reader[0].equals("rep") ? company.eastRep() : company.eastManager());
            String en = mvc.get().uri("/customers/imports?lang=en").cookie(session).exchange().getResponse()
                    .getContentAsString(StandardCharsets.UTF_8);
            String hint = en.substring(en.indexOf("id=\"import-hint\""), en.indexOf("</p>", en.indexOf("id=\"import-hint\"")));
            assertThat(hint).as(reader[0]).contains(reader[1]).doesNotContain(reader[3]);
            assertThat(mvc.get().uri("/customers/imports?lang=zh-CN").cookie(session).exchange().getResponse()
                    .getContentAsString(StandardCharsets.UTF_8)).as(reader[0]).contains(reader[2]);
        }
    }

    @Test
    void anImportStartedInEnglishIsReadInTheReadersLanguageWithTheTemplatesColumnNames() throws Exception {
        var company = support.company("imp9");
        String rep = support.bearer(mvc, company.eastRep());
        // started through the API, which speaks English
        JsonNode done = importAndWait(rep, "客户名称,规模,负责人（用户名）,联系人,联系人电话\r\n,巨型,nobody,钱经理,12345\r\n", "VALID_ROWS");
        assertThat(done.get("errors").toString()).contains("Enter the customer's name.", "Unknown size 巨型");
        String id = done.get("id").asString();

        JsonNode inChinese = support.json(mvc.get().uri("/api/v1/customers/imports/" + id)
                .header(HttpHeaders.AUTHORIZATION, rep).header(HttpHeaders.ACCEPT_LANGUAGE, "zh-CN").exchange());
        assertThat(inChinese.get("errors").valueStream().map(e -> e.get("field").asString() + " " + e.get("message").asString()))
                .as("the API keeps the field codes, says the reasons in the asked language")
                .containsExactlyInAnyOrder("name 请填写客户名称。", "size 未知的规模 巨型，请填写以下之一：微型、小型、中型、大型。",
                        "owner 销售人员只能为自己导入客户：nobody 不是您的用户名（负责人请留空）。", "contact.phone 电话不是有效的电话号码（手机，或带区号的座机）。");

        Cookie session = support.session(mvc, company.eastRep());
        String page = mvc.get().uri("/customers/imports/" + id + "?lang=zh-CN").cookie(session).exchange().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("<td>客户名称</td><td>请填写客户名称。</td>", "<td>规模</td>",
                "<td>负责人（用户名）</td>", "<td>联系人电话</td>").doesNotContain("Enter the customer", "<td>size</td>");
        String english = mvc.get().uri("/customers/imports/" + id + "?lang=en").cookie(session).exchange().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(english).contains("<td>Name</td><td>Enter the customer&#39;s name.</td>", "<td>Contact phone</td>");

        byte[] report = mvc.get().uri("/customers/imports/" + id + "/report.xlsx?lang=zh-CN").cookie(session).exchange()
                .getResponse().getContentAsByteArray();
        List<Map<String, String>> rows = byHeader(cells(report));
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0)).containsEntry("规模", "巨型").containsEntry("负责人（用户名）", "nobody")
                .containsEntry("联系人电话", "12345").doesNotContainKey("客户名称*");
        assertThat(rows.get(0).get("导入错误")).startsWith("#2 ")
                .contains("请填写客户名称。", "未知的规模 巨型", "nobody 不是您的用户名", "不是有效的电话号码");
        assertThat(rows.get(0).get("导入错误").lines()).as("one reason a line, no ASCII \"; \" between Chinese sentences")
                .hasSize(4).allSatisfy(reason -> assertThat(reason).endsWith("。").doesNotContain("; "));

        // a result stored as text before reasons were stored as keys is read as it was
        jdbc.sql("update customer_import set errors = :e where id = cast(:id as uuid)")
                .param("e", "[{\"line\":2,\"field\":\"name\",\"message\":\"旧的原因\"}]").param("id", id).update();
        assertThat(support.getJson(mvc, rep, "/api/v1/customers/imports/" + id).get("errors").get(0).get("message").asString())
                .isEqualTo("旧的原因");
        // and an import that ended before its refused rows were kept gives back their reasons alone
        jdbc.sql("delete from customer_import_row where import_id = cast(:id as uuid)").param("id", id).update();
        byte[] old = mvc.get().uri("/customers/imports/" + id + "/report.xlsx?lang=zh-CN").cookie(session).exchange()
                .getResponse().getContentAsByteArray();
        assertThat(byHeader(cells(old))).containsExactly(Map.of("导入错误", "#2 旧的原因"));
    }

    @Test
    void theReportGivesBackTheRefusedRowsInTheTemplatesColumnsAndImportsAgainOnceCorrected() throws Exception {
        var company = support.company("imp11");
        String rep = support.bearer(mvc, company.eastRep());
        String csv = "客户名称,行业,规模,联系人,联系人电话\r\n再导甲有限公司,软件,中型,,\r\n"
                + ",软件,巨型,钱经理,12345\r\n再导乙有限公司,制造,巨型,,\r\n";
        JsonNode done = importAndWait(rep, csv, "VALID_ROWS");
        assertThat(done.get("imported").asInt()).isEqualTo(1);
        var response = mvc.get().uri("/api/v1/customers/imports/" + done.get("id").asString() + "/report.xlsx")
                .header(HttpHeaders.AUTHORIZATION, rep).header(HttpHeaders.ACCEPT_LANGUAGE, "en").exchange();
        assertThat(response).hasStatus(200);
        List<List<String>> report = cells(response.getResponse().getContentAsByteArray());

        List<String> template = cells(mvc.get().uri("/customers/imports/template.xlsx")
                .cookie(support.session(mvc, company.eastRep())).exchange().getResponse().getContentAsByteArray()).get(0);
        assertThat(report.get(0)).as("the template's headers, then the reason")
                .containsExactlyElementsOf(java.util.stream.Stream.concat(template.stream(), java.util.stream.Stream.of("导入错误")).toList());
        List<Map<String, String>> rows = byHeader(report);
        assertThat(rows).extracting(r -> r.get("导入错误")).containsExactly(
                "#3 Unknown size 巨型: write one of Micro, Small, Medium-sized, Large.\nEnter the customer's name.\n"
                        + "The phone is not a phone number (mobile, or landline with area code).",
                "#4 Unknown size 巨型: write one of Micro, Small, Medium-sized, Large.");
        assertThat(rows.get(0)).containsEntry("行业", "软件").containsEntry("联系人", "钱经理").containsEntry("联系人电话", "12345");
        assertThat(rows.get(1)).containsEntry("客户名称*", "再导乙有限公司").containsEntry("行业", "制造");

        // corrected where the reasons say, the reason column left as it is, the report imports as it is
        List<List<String>> corrected = new java.util.ArrayList<>(report);
        corrected.set(1, with(report.get(0), report.get(1), Map.of("客户名称*", "再导丙有限公司", "规模", "中型",
                "联系人电话", "13911112222")));
        corrected.set(2, with(report.get(0), report.get(2), Map.of("规模", "大型")));
        JsonNode again = importAndWait(rep, "corrected.xlsx", xlsx(corrected), "ALL_OR_NOTHING");
        assertThat(again.get("state").asString()).isEqualTo("DONE");
        assertThat(again.get("imported").asInt()).isEqualTo(2);
        assertThat(support.getJson(mvc, rep, "/api/v1/customers?q={q}", "再导").get("items").valueStream()
                .map(c -> c.get("name").asString())).containsExactlyInAnyOrder("再导甲有限公司", "再导乙有限公司", "再导丙有限公司");
    }

    /**
     * An import's batch holds the names and credit codes of its rows from before its duplicate look-up until it
     * commits, as a registration by hand does: a registration of one of its companies sent meanwhile waits for the
     * batch, then finds the imported customer and asks for the reason.
     */
    @Test
    void aRegistrationOfACompanyInABatchBeingImportedWaitsForTheBatchAndAsksForTheReason() throws Exception {
        var company = support.company("impLockReg");
        String other = touched(support.bearer(mvc, company.eastRep2()));
        String uscc = CustomerTestSupport.uniqueUscc();
        UUID id = queued(company.eastRep().id(), "客户名称,统一社会信用代码\r\n杭州导入并发甲科技有限公司," + uscc
                + "\r\n杭州导入并发乙科技有限公司,\r\n", "VALID_ROWS");

        var sent = heldFirst.<Object>race(() -> run(id),
                () -> support.post(mvc, other, "/api/v1/customers", "{\"name\":\"杭州导入并发甲科技有限公司\"}"));

        assertThat(state(id)).isEqualTo("DONE");
        MvcTestResult registration = (MvcTestResult) sent.second();
        assertThat(registration).as("the registration waited for the batch and found it")
                .hasStatus(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(support.json(registration).at("/errors/0/code").asString())
                .isEqualTo("customer.duplicates.reason.required");
        assertThat(nameCount("杭州导入并发甲科技有限公司")).isEqualTo(1);
    }

    /**
     * A registration committed while an all-or-nothing import waits for its keys is found by the import's look-up:
     * the row is refused as a duplicate and nothing is stored.
     */
    @Test
    void anAllOrNothingImportWaitsForARegistrationOfOneOfItsCompaniesAndRefusesTheRowAsADuplicate() throws Exception {
        var company = support.company("impLockAll");
        String other = touched(support.bearer(mvc, company.eastRep2()));
        String uscc = CustomerTestSupport.uniqueUscc();
        UUID id = queued(company.eastRep().id(), "客户名称,统一社会信用代码\r\n杭州全有并发丙科技有限公司,\r\n杭州全有并发丁科技有限公司,"
                + uscc + "\r\n", "ALL_OR_NOTHING");

        var sent = heldFirst.<Object>race(() -> support.post(mvc, other, "/api/v1/customers",
                "{\"name\":\"杭州全有并发另名科技有限公司\",\"uscc\":\"" + uscc + "\"}"), () -> run(id));

        assertThat((MvcTestResult) sent.first()).hasStatus(HttpStatus.CREATED);
        assertThat(state(id)).as("the import waited for the registration and found it").isEqualTo("REFUSED");
        assertThat(jdbc.sql("select errors from customer_import where id = :id").param("id", id).query(String.class)
                .single()).contains("customer.import.duplicate");
        assertThat(nameCount("杭州全有并发丙科技有限公司")).isZero();
        assertThat(jdbc.sql("select count(*) from customer_customer where uscc = :u").param("u", uscc)
                .query(Integer.class).single()).isEqualTo(1);
    }

    /**
     * An all-or-nothing file of more keys than are held one by one holds them all at once, as one lock every holder of
     * keys shares: a registration of one of its companies sent meanwhile waits for the whole file and finds it.
     */
    @Test
    void aRegistrationOfACompanyInALargeAllOrNothingFileBeingImportedWaitsForTheFileAndAsksForTheReason()
            throws Exception {
        var company = support.company("impLockBig");
        String other = touched(support.bearer(mvc, company.westRep()));
        // a name and a credit code a row: 1,002 keys, among three owners each within their C7 limit
        List<String> owners = List.of(company.eastManager().username(), company.eastRep().username(),
                company.eastRep2().username());
        StringBuilder csv = new StringBuilder("客户名称,统一社会信用代码,负责人（用户名）\r\n");
        for (int i = 0; i < 501; i++) {
            csv.append("杭州大批并发").append(i).append("号科技有限公司,").append(CustomerTestSupport.uniqueUscc()).append(',')
                    .append(owners.get(i % owners.size())).append("\r\n");
        }
        UUID id = queued(company.eastManager().id(), csv.toString(), "ALL_OR_NOTHING");

        var sent = heldFirst.<Object>race(() -> {
            run(id);
            // the locks the import's transaction holds, asked on its own connection
            return jdbc.sql("select count(*) from pg_locks where locktype = 'advisory' and pid = pg_backend_pid()")
                    .query(Long.class).single();
        }, () -> support.post(mvc, other, "/api/v1/customers", "{\"name\":\"杭州大批并发500号科技有限公司\"}"));

        assertThat((Long) sent.first()).as("one lock for the file's keys, not one a key").isLessThan(100);
        assertThat(state(id)).isEqualTo("DONE");
        assertThat(jdbc.sql("select imported from customer_import where id = :id").param("id", id).query(Integer.class)
                .single()).isEqualTo(501);
        assertThat((MvcTestResult) sent.second()).hasStatus(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(nameCount("杭州大批并发500号科技有限公司")).isEqualTo(1);
    }

    /** An import queued as an upload queues it, with no task: the test runs it itself, on the thread it chooses. */
    private UUID queued(UUID uploader, String csv, String mode) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into customer_import (id, file_name, mode, state, total_rows, content, locale, created_by, created_at)
                values (:id, 'race.csv', :mode, 'QUEUED', 0, :content, 'en', :by, :now)""")
                .param("id", id).param("mode", mode).param("content", csv.getBytes(StandardCharsets.UTF_8))
                .param("by", uploader).param("now", Timestamp.from(TestClock.START)).update();
        return id;
    }

    private String run(UUID id) {
        imports.run(id);
        return "ran";
    }

    private String state(UUID id) {
        return jdbc.sql("select state from customer_import where id = :id").param("id", id).query(String.class).single();
    }

    private int nameCount(String name) {
        return jdbc.sql("select count(*) from customer_customer where name = :n").param("n", name).query(Integer.class)
                .single();
    }

    /**
     * The token's last use is touched now, not inside a held request: else a request would wait for another at its
     * sign-in, before it ever reached the check (in production each request touches it on its own).
     */
    private String touched(String token) {
        assertThat(support.get(mvc, token, "/api/v1/customers?view=mine")).hasStatusOk();
        return token;
    }

    /** The data rows of a workbook's cells, each by its column's header (blank cells left out). */
    private static List<Map<String, String>> byHeader(List<List<String>> cells) {
        List<String> header = cells.get(0);
        return cells.subList(1, cells.size()).stream().map(row -> {
            Map<String, String> byHeader = new java.util.LinkedHashMap<>();
            for (int i = 0; i < row.size(); i++) {
                if (row.get(i) != null && !row.get(i).isEmpty()) {
                    byHeader.put(header.get(i), row.get(i));
                }
            }
            return byHeader;
        }).toList();
    }

    /** A row with some cells replaced, by their column's header. */
    private static List<String> with(List<String> header, List<String> row, Map<String, String> changes) {
        List<String> changed = new java.util.ArrayList<>(row);
        while (changed.size() < header.size()) {
            changed.add(null);
        }
        changes.forEach((column, value) -> changed.set(header.indexOf(column), value));
        return changed;
    }

    private static byte[] xlsx(List<List<String>> rows) {
        return Workbooks.written("客户", ws -> {
            for (int r = 0; r < rows.size(); r++) {
                for (int c = 0; c < rows.get(r).size(); c++) {
                    if (rows.get(r).get(c) != null) {
                        ws.inlineString(r, c, rows.get(r).get(c));
                    }
                }
            }
        });
    }

    @Test
    void aPageAndTheApiListTheFirstHundredProblemsAndCountTheRestWhichTheReportOfTheImportsOwnerHoldsAll() throws Exception {
        var company = support.company("imp10");
        String rep = support.bearer(mvc, company.eastRep());
        StringBuilder csv = new StringBuilder("客户名称,行业\r\n");
        for (int i = 0; i < 130; i++) {
            csv.append(",软件\r\n");
        }
        JsonNode done = importAndWait(rep, csv.toString(), "VALID_ROWS");
        String id = done.get("id").asString();
        assertThat(done.get("errors").size()).as("the API lists as many as the page").isEqualTo(100);
        assertThat(done.get("errors").get(99).get("line").asInt()).isEqualTo(101);
        assertThat(done.get("problemCount").asInt()).isEqualTo(130);
        assertThat(done.get("report").asString()).isEqualTo("/api/v1/customers/imports/" + id + "/report.xlsx");

        String page = mvc.get().uri("/customers/imports/" + id + "?lang=en").cookie(support.session(mvc, company.eastRep()))
                .exchange().getResponse().getContentAsString(StandardCharsets.UTF_8);
        String table = page.substring(page.indexOf("id=\"import-errors\""), page.indexOf("</table>", page.indexOf("id=\"import-errors\"")));
        assertThat(table.split("<tr>", -1)).hasSize(1 + 1 + 100);
        assertThat(page).contains("30 more problems are not listed here", "/customers/imports/" + id + "/report.xlsx");

        var api = mvc.get().uri("/api/v1/customers/imports/" + id + "/report.xlsx").header(HttpHeaders.AUTHORIZATION, rep).exchange();
        assertThat(api).hasStatus(200);
        List<Map<String, String>> rows = byHeader(cells(api.getResponse().getContentAsByteArray()));
        assertThat(rows).hasSize(130);
        assertThat(rows.get(129)).containsExactly(Map.entry("行业", "软件"), Map.entry("导入错误", "#131 Enter the customer's name."));

        // another's import: not found, on the page and over the API alike
        assertThat(mvc.get().uri("/customers/imports/" + id + "/report.xlsx").cookie(support.session(mvc, company.eastRep2())))
                .hasStatus(404);
        assertThat(mvc.get().uri("/api/v1/customers/imports/" + id + "/report.xlsx")
                .header(HttpHeaders.AUTHORIZATION, support.bearer(mvc, company.eastRep2()))).hasStatus(404);
    }

    /** Every row of a workbook's first sheet, as text. */
    private static List<List<String>> cells(byte[] xlsx) throws Exception {
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
            return wb.getFirstSheet().read().stream()
                    .map(r -> r.stream().map(c -> c == null ? null : c.getText()).toList()).toList();
        }
    }

    /**
     * The same file (by content) imported again by the same person while the earlier import is under way or after it
     * imported customers is refused at once naming the earlier import, as the lead import refuses it: sent three times
     * at once, one import starts; on the page, a message with a link to the earlier import.
     */
    @Test
    void theSameFileImportedAgainByTheSamePersonIsRefusedAtOnceNamingTheEarlierImport() throws Exception {
        var company = support.company("impAgain");
        String rep = touched(support.bearer(mvc, company.eastRep()));
        byte[] file = "客户名称,行业\r\n重传甲有限公司,软件\r\n重传乙有限公司,制造\r\n".getBytes(StandardCharsets.UTF_8);

        var pool = java.util.concurrent.Executors.newFixedThreadPool(3);
        List<MvcTestResult> sent;
        try {
            List<java.util.concurrent.Future<MvcTestResult>> futures = new java.util.ArrayList<>();
            for (int i = 0; i < 3; i++) {
                String name = "copy" + i + ".csv";
                futures.add(pool.submit(() -> upload(rep, name, file)));
            }
            sent = new java.util.ArrayList<>();
            for (var f : futures) {
                sent.add(f.get(60, java.util.concurrent.TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdown();
        }
        List<MvcTestResult> started = sent.stream().filter(r -> r.getResponse().getStatus() == 202).toList();
        assertThat(started).as("one of three sent at once").hasSize(1);
        String first = support.json(started.get(0)).get("id").asString();
        for (MvcTestResult refused : sent.stream().filter(r -> r.getResponse().getStatus() != 202).toList()) {
            assertThat(refused).hasStatus(409);
            assertThat(refused).bodyJson().extractingPath("$.code").isEqualTo("customer.import.alreadyImported");
            assertThat(refused).bodyJson().extractingPath("$.importId").isEqualTo(first);
        }
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> !List.of("QUEUED", "RUNNING")
                .contains(support.getJson(mvc, rep, "/api/v1/customers/imports/" + first).get("state").asString()));
        assertThat(nameCount("重传甲有限公司")).isEqualTo(1);

        // after it imported its customers: the same answer, in the reader's language
        MvcTestResult afterwards = mvc.post().uri("/api/v1/customers/imports").multipart()
                .file(new MockMultipartFile("file", "again.csv", "text/csv", file)).param("mode", "ALL_OR_NOTHING")
                .header(HttpHeaders.AUTHORIZATION, rep).header(HttpHeaders.ACCEPT_LANGUAGE, "zh-CN").exchange();
        assertThat(afterwards).hasStatus(409);
        assertThat(afterwards).bodyJson().extractingPath("$.importId").isEqualTo(first);
        assertThat(afterwards).bodyJson().extractingPath("$.detail").asString().startsWith("您已于").contains("copy");
        assertThat(jdbc.sql("select count(*) from customer_import where created_by = :me").param("me", company.eastRep().id())
                .query(Integer.class).single()).isEqualTo(1);

        // on the page: the message and a link to the earlier import
        Cookie session = support.session(mvc, company.eastRep());
        var page = mvc.post().uri("/customers/imports?lang=en").cookie(session)
                .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
                .multipart().file(new MockMultipartFile("file", "again.csv", "text/csv", file))
                .param("mode", "VALID_ROWS").exchange();
        assertThat(page).hasStatus3xxRedirection().hasRedirectedUrl("/customers/imports");
        var flash = page.getMvcResult().getFlashMap();
        assertThat(flash.get("flashError")).isEqualTo("customer.import.alreadyImported");
        assertThat(flash.get("flashErrorLink")).isEqualTo(List.of("import.openEarlier", "/customers/imports/" + first));
        var shown = mvc.get().uri("/customers/imports?lang=en").cookie(session);
        flash.forEach(shown::flashAttr);
        String html = shown.exchange().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(html).contains("You imported this file (copy", "already", "href=\"/customers/imports/" + first
                + "\">Open the earlier import</a>");

        // another person's upload of the file, and a changed file, are imports of their own
        assertThat(upload(support.bearer(mvc, company.eastRep2()), "theirs.csv", file)).hasStatus(202);
        byte[] changed = (new String(file, StandardCharsets.UTF_8) + "重传丙有限公司,贸易\r\n").getBytes(StandardCharsets.UTF_8);
        assertThat(upload(rep, "changed.csv", changed)).hasStatus(202);
    }

    private MvcTestResult upload(String token, String fileName, byte[] file) {
        return mvc.post().uri("/api/v1/customers/imports").multipart()
                .file(new MockMultipartFile("file", fileName, "text/csv", file)).param("mode", "VALID_ROWS")
                .header(HttpHeaders.AUTHORIZATION, token).exchange();
    }

    /**
     * A formula cell with no saved result (as tools other than Excel write them) is no empty cell: its row is refused on
     * its column saying to paste it as a value, and the report gives the formula back.
     */
    @Test
    void aFormulaWithNoSavedResultRefusesItsRowOnItsColumnAndTheReportShowsTheFormula() throws Exception {
        var company = support.company("impFormula");
        String rep = support.bearer(mvc, company.eastRep());
        byte[] xlsx = Workbooks.written("客户", ws -> {
            ws.inlineString(0, 0, "客户名称");
            ws.inlineString(0, 1, "行业");
            ws.inlineString(0, 2, "联系人");
            ws.formula(1, 0, "HYPERLINK(\"https://example.com\",\"公式甲有限公司\")");
            ws.inlineString(1, 1, "软件");
            ws.inlineString(2, 0, "公式乙有限公司");
            ws.formula(2, 2, "1+1");
            ws.inlineString(3, 0, "公式丙有限公司");
            ws.inlineString(3, 2, "钱经理");
        });
        JsonNode done = importAndWait(rep, "formulas.xlsx", xlsx, "VALID_ROWS");
        assertThat(done.get("imported").asInt()).isEqualTo(1);
        assertThat(done.get("errors").valueStream().map(e -> e.get("line").asInt() + " " + e.get("field").asString() + ": "
                + e.get("message").asString())).containsExactly(
                "2 name: This cell holds a formula with no saved result: paste it as a value.",
                "3 contact.name: This cell holds a formula with no saved result: paste it as a value.");
        assertThat(nameCount("公式乙有限公司")).isZero();

        var report = mvc.get().uri("/api/v1/customers/imports/" + done.get("id").asString() + "/report.xlsx")
                .header(HttpHeaders.AUTHORIZATION, rep).header(HttpHeaders.ACCEPT_LANGUAGE, "zh-CN").exchange();
        List<Map<String, String>> rows = byHeader(cells(report.getResponse().getContentAsByteArray()));
        assertThat(rows.get(0)).containsEntry("客户名称*", "=HYPERLINK(\"https://example.com\",\"公式甲有限公司\")")
                .containsEntry("导入错误", "#2 客户名称：此单元格是公式且没有保存的计算结果，请将其粘贴为数值。");
        assertThat(rows.get(1)).containsEntry("客户名称*", "公式乙有限公司").containsEntry("联系人", "=1+1");
    }

    /**
     * A formula cell saved with an empty value (as openpyxl writes one it did not work out) has no saved result either:
     * its row is refused on its column, not read as an empty name or phone; an empty text result (t="str") is a value.
     */
    @Test
    void aFormulaSavedWithAnEmptyValueRefusesItsRowOnItsColumn() {
        var company = support.company("impFormulaEmpty");
        String rep = support.bearer(mvc, company.eastRep());
        byte[] xlsx = Workbooks.xlsx("<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>客户名称</t></is></c>"
                + "<c r=\"B1\" t=\"inlineStr\"><is><t>联系人</t></is></c>"
                + "<c r=\"C1\" t=\"inlineStr\"><is><t>联系人电话</t></is></c></row>"
                + "<row r=\"2\"><c r=\"A2\"><f>\"导入\"&amp;\"空值公式甲有限公司\"</f><v/></c></row>"
                + "<row r=\"3\"><c r=\"A3\" t=\"inlineStr\"><is><t>空值公式乙有限公司</t></is></c>"
                + "<c r=\"B3\" t=\"inlineStr\"><is><t>孙经理</t></is></c><c r=\"C3\"><f>1+1</f><v></v></c></row>"
                + "<row r=\"4\"><c r=\"A4\" t=\"inlineStr\"><is><t>空值公式丙有限公司</t></is></c>"
                + "<c r=\"B4\" t=\"str\"><f>IF(1=1,\"\",\"x\")</f><v></v></c></row>", null, false);
        JsonNode done = importAndWait(rep, "empty-values.xlsx", xlsx, "VALID_ROWS");
        assertThat(done.get("imported").asInt()).isEqualTo(1);
        assertThat(done.get("errors").valueStream().map(e -> e.get("line").asInt() + " " + e.get("field").asString() + ": "
                + e.get("message").asString())).containsExactly(
                "2 name: This cell holds a formula with no saved result: paste it as a value.",
                "3 contact.phone: This cell holds a formula with no saved result: paste it as a value.");
        assertThat(nameCount("导入空值公式甲有限公司")).isZero();
        assertThat(nameCount("空值公式乙有限公司")).isZero();
        assertThat(nameCount("空值公式丙有限公司")).isEqualTo(1);
    }

    @Test
    void C7_anImportGivesEachRepAtMostTheHoldingLimitAndReportsTheRowsBeyondIt() {
        var company = support.company("imp5");
        String manager = support.bearer(mvc, company.eastManager());
        StringBuilder csv = new StringBuilder("客户名称*,负责人（用户名）\r\n");
        for (int i = 1; i <= 5; i++) {
            csv.append("上限导入甲").append(i).append("有限公司,").append(company.eastRep().username()).append("\r\n");
        }
        for (int i = 1; i <= 3; i++) {
            csv.append("上限导入乙").append(i).append("有限公司,").append(company.eastRep2().username()).append("\r\n");
        }
        support.changePolicy(mvc, "C7", "maxPrivateCustomers", "3");
        try {
            JsonNode done = importAndWait(manager, csv.toString(), "VALID_ROWS");
            assertThat(done.get("state").asString()).isEqualTo("DONE");
            assertThat(done.get("imported").asInt()).isEqualTo(6);
            assertThat(done.get("failed").asInt()).isEqualTo(2);
            assertThat(done.get("errors").valueStream().map(e -> e.get("message").asString()).toList())
                    .hasSize(2).allSatisfy(m -> assertThat(m).contains("3"));
            for (var rep : java.util.List.of(company.eastRep(), company.eastRep2())) {
                assertThat(jdbc.sql("select count(*) from customer_customer where owner_id = :rep")
                        .param("rep", rep.id()).query(Long.class).single()).isEqualTo(3);
            }
        } finally {
            support.changePolicy(mvc, "C7", "maxPrivateCustomers", "200");
        }
    }

    @Test
    void everyImportedRowIsStoredWholeWithItsContactHistoryFollowUpDeadlineAndAudit() {
        var company = support.company("imp6");
        String manager = support.bearer(mvc, company.eastManager());
        StringBuilder csv = new StringBuilder("客户名称*,客户等级,负责人（用户名）,联系人,联系人电话\r\n");
        for (int i = 1; i <= 3; i++) {
            csv.append("整行导入").append(i).append("有限公司,B,").append(company.eastRep().username()).append(",联系人")
                    .append(i).append(",1391111200").append(i).append("\r\n");
        }
        csv.append("整行导入4有限公司,C,,,\r\n");
        JsonNode done = importAndWait(manager, csv.toString(), "VALID_ROWS");
        assertThat(done.get("state").asString()).isEqualTo("DONE");
        assertThat(done.get("imported").asInt()).isEqualTo(4);

        var stored = jdbc.sql("""
                select id, owner_id, follow_up_due_at, cadence_rule, name_folded, code from customer_customer
                where name like '整行导入%' order by name""").query().listOfRows();
        assertThat(stored).hasSize(4);
        for (var c : stored) {
            Object id = c.get("id");
            assertThat(c.get("follow_up_due_at")).as("follow-up clock").isNotNull();
            assertThat(c.get("name_folded")).as("search keys").isNotEqualTo("");
            assertThat(support.deadlines("Customer", id)).containsExactly(c.get("cadence_rule") + ":OPEN");
            assertThat(jdbc.sql("select due_at from sop_deadline where subject_type = 'Customer' and subject_id = :id")
                    .param("id", id.toString()).query(java.sql.Timestamp.class).single())
                    .isEqualTo(c.get("follow_up_due_at"));
            assertThat(jdbc.sql("select message_key from customer_event where customer_id = :id").param("id", id)
                    .query(String.class).list()).containsExactly("customer.history.created");
            assertThat(jdbc.sql("select actor_id from platform_audit_event where action = 'CREATE' and entity_type = 'Customer' and entity_id = :id")
                    .param("id", id.toString()).query(java.util.UUID.class).list()).containsExactly(company.eastManager().id());
        }
        assertThat(jdbc.sql("""
                select count(*) from customer_contact k join customer_customer c on c.id = k.customer_id
                where c.name like '整行导入%' and k.is_primary
                  and exists (select 1 from platform_audit_event a where a.entity_type = 'Contact' and a.entity_id = k.id::text)""")
                .query(Long.class).single()).isEqualTo(3);
        assertThat(stored).extracting(c -> c.get("code")).doesNotHaveDuplicates();
    }

    @Test
    void C7_allOrNothingStoresNoRowAtAllWhenTheHoldingLimitRefusesOne() {
        var company = support.company("imp7");
        String manager = support.bearer(mvc, company.eastManager());
        StringBuilder csv = new StringBuilder("客户名称*,负责人（用户名）,联系人,联系人电话\r\n");
        for (int i = 1; i <= 4; i++) {
            csv.append("全无上限").append(i).append("有限公司,").append(company.eastRep().username()).append(",联系人")
                    .append(i).append(",1391111300").append(i).append("\r\n");
        }
        support.changePolicy(mvc, "C7", "maxPrivateCustomers", "3");
        try {
            JsonNode refused = importAndWait(manager, csv.toString(), "ALL_OR_NOTHING");
            assertThat(refused.get("state").asString()).isEqualTo("REFUSED");
            assertThat(refused.get("imported").asInt()).isZero();
            assertThat(refused.get("errors").get(0).get("message").asString()).contains("3");
        } finally {
            support.changePolicy(mvc, "C7", "maxPrivateCustomers", "200");
        }
        assertThat(jdbc.sql("select count(*) from customer_customer where name like '全无上限%'").query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from customer_contact where phone like '1391111300%'").query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from sop_deadline where subject_type = 'Customer' and owner_id = :rep")
                .param("rep", company.eastRep().id()).query(Long.class).single()).isZero();
        assertThat(jdbc.sql("""
                select count(*) from platform_audit_event where action = 'CREATE' and entity_type in ('Customer', 'Contact')
                  and actor_id = :m""").param("m", company.eastManager().id()).query(Long.class).single()).isZero();
    }

    /** Walk finding: a source named by no label was stored as OTHER; it is refused as a lead import's is. */
    @Test
    void aRowsSourceIsReadByItsLabelAndAnUnknownSourceIsRefusedListingTheSourcesNeverTakenAsOther() {
        var company = support.company("impsrc");
        String rep = support.bearer(mvc, company.eastRep());
        String csv = "客户名称,来源\r\n来源调研甲有限公司,市场调研\r\n来源调研乙有限公司,Research\r\n"
                + "来源调研丙有限公司,电视广告\r\n";
        JsonNode done = importAndWait(rep, csv, "VALID_ROWS");
        assertThat(done.get("imported").asInt()).isEqualTo(2);
        assertThat(done.get("errors").valueStream().map(e -> e.get("line").asInt() + " " + e.get("field").asString() + " "
                + e.get("message").asString()).toList())
                .containsExactly("4 source Unknown source 电视广告: write one of Trade show, Website form, Referral, "
                        + "Partner, Marketing event, Inbound inquiry, Channel, Public information, Research, Other.");
        for (String name : List.of("来源调研甲", "来源调研乙")) {
            String id = support.getJson(mvc, rep, "/api/v1/customers?q={q}", name).get("items").get(0).get("id").asString();
            assertThat(support.getJson(mvc, rep, "/api/v1/customers/" + id).get("source").asString()).as(name)
                    .isEqualTo("RESEARCH");
        }
        assertThat(support.getJson(mvc, rep, "/api/v1/customers?q={q}", "来源调研丙").get("items").size()).as("not stored")
                .isZero();
    }

    @Test
    void allOrNothingImportsNothingWhenOneRowIsRefused() {
        var company = support.company("imp2");
        String rep = support.bearer(mvc, company.eastRep());
        String csv = "客户名称,行业\r\n全有甲有限公司,软件\r\n全有乙有限公司,软件\r\n,软件\r\n";
        JsonNode refused = importAndWait(rep, csv, "ALL_OR_NOTHING");
        assertThat(refused.get("state").asString()).isEqualTo("REFUSED");
        assertThat(refused.get("imported").asInt()).isZero();
        assertThat(support.getJson(mvc, rep, "/api/v1/customers?q={q}", "全有").get("items").size()).isZero();

        JsonNode done = importAndWait(rep, "客户名称,行业\r\n全有甲有限公司,软件\r\n全有乙有限公司,软件\r\n", "ALL_OR_NOTHING");
        assertThat(done.get("state").asString()).isEqualTo("DONE");
        assertThat(done.get("problemCount").asInt()).isZero();
        assertThat(support.getJson(mvc, rep, "/api/v1/customers?q={q}", "全有").get("items").size()).isEqualTo(2);
    }

    @Test
    void aRowWithAControlCharacterIsRefusedAsTheApiRefusesItAndTheOtherRowsAreImported() {
        var company = support.company("imp8");
        String rep = support.bearer(mvc, company.eastRep());
        String csv = "客户名称,联系人\r\n控制符前有限公司,\r\n\"控制\u0000符有限公司\",\r\n控制符后有限公司,钱\u0007经理\r\n";
        JsonNode done = importAndWait(rep, csv, "VALID_ROWS");
        assertThat(done.get("state").asString()).isEqualTo("DONE");
        assertThat(done.get("imported").asInt()).isEqualTo(1);
        assertThat(done.get("errors").valueStream().map(e -> e.get("line").asInt() + " " + e.get("field").asString()))
                .containsExactly("3 name", "4 contact.name");
        assertThat(done.get("errors").toString()).contains("control character");
        assertThat(support.getJson(mvc, rep, "/api/v1/customers?q={q}", "控制符").get("items").valueStream()
                .map(c -> c.get("name").asString())).containsExactly("控制符前有限公司");
    }

    /** Walk finding: a customer or contact name of two lines (a cell with a line break or a tab) was imported. */
    @Test
    void aRowWithANameOfMoreThanOneLineIsARowErrorAndTheOtherRowsAreImported() {
        var company = support.company("imp8b");
        String rep = support.bearer(mvc, company.eastRep());
        String csv = "客户名称,联系人\r\n单行前有限公司,\r\n\"单行\t有限公司\",\r\n单行后有限公司,\"钱\r\n经理\"\r\n";
        JsonNode done = importAndWait(rep, csv, "VALID_ROWS");
        assertThat(done.get("state").asString()).isEqualTo("DONE");
        assertThat(done.get("imported").asInt()).isEqualTo(1);
        assertThat(done.get("errors").valueStream().map(e -> e.get("line").asInt() + " " + e.get("field").asString()))
                .containsExactly("3 name", "4 contact.name");
        assertThat(done.get("errors").toString()).contains("takes one line");
        assertThat(support.getJson(mvc, rep, "/api/v1/customers?q={q}", "单行").get("items").valueStream()
                .map(c -> c.get("name").asString())).containsExactly("单行前有限公司");
    }

    @Test
    void aFileThatCannotBeReadIsRefusedAtOnce() {
        var company = support.company("imp3");
        var result = mvc.post().uri("/api/v1/customers/imports").multipart()
                .file(new MockMultipartFile("file", "x.csv", "text/csv", "名字,电话\r\n甲,1\r\n".getBytes(StandardCharsets.UTF_8)))
                .header(HttpHeaders.AUTHORIZATION, support.bearer(mvc, company.eastRep())).exchange();
        assertThat(result).hasStatus(422).bodyJson().extractingPath("$.errors[0].code").isEqualTo("customer.import.unknownColumns");
    }

    @Test
    void aFileThatIsNoSpreadsheetIsRefusedAsWhatItIsWhateverItsNameAndNothingOfItIsQuoted() throws Exception {
        var company = support.company("imp3c");
        String token = support.bearer(mvc, company.eastRep());
        long before = jdbc.sql("select count(*) from customer_import").query(Long.class).single();
        byte[] svg = "<svg xmlns=\"http://www.w3.org/2000/svg\"><text>SECRET</text></svg>".getBytes(StandardCharsets.UTF_8);
        for (String[] lang : new String[][] {{"en", "This file is a picture (SVG), not a CSV file"},
                {"zh-CN", "此文件是一张图片（SVG），不是 CSV 文件"}}) {
            var result = mvc.post().uri("/api/v1/customers/imports").multipart()
                    .file(new MockMultipartFile("file", "customers.csv", "text/csv", svg))
                    .header(HttpHeaders.AUTHORIZATION, token).header(HttpHeaders.ACCEPT_LANGUAGE, lang[0]).exchange();
            assertThat(result).hasStatus(422).bodyJson().extractingPath("$.errors[0].code")
                    .isEqualTo("customer.import.notASpreadsheet");
            assertThat(support.json(result).at("/errors/0/message").asString()).as(lang[0]).startsWith(lang[1]);
            assertThat(result.getResponse().getContentAsString(StandardCharsets.UTF_8)).doesNotContain("SECRET", "svg+xml");
        }
        assertThat(jdbc.sql("select count(*) from customer_import").query(Long.class).single()).isEqualTo(before);
    }

    @Test
    void aWorkbookNamedCsvIsReadAsTheWorkbookItIs() throws Exception {
        var company = support.company("imp3d");
        java.io.ByteArrayOutputStream xlsx = new java.io.ByteArrayOutputStream();
        try (var wb = new org.dhatim.fastexcel.Workbook(xlsx, "test", "1.0")) {
            var ws = wb.newWorksheet("客户");
            ws.value(0, 0, "客户名称");
            ws.value(1, 0, "内容为准导入有限公司");
            ws.finish();
        }
        JsonNode done = importAndWait(support.bearer(mvc, company.eastRep()), "customers.csv", xlsx.toByteArray(),
                "ALL_OR_NOTHING");
        assertThat(done.get("imported").asInt()).as(done.toString()).isEqualTo(1);
    }

    @Test
    void theUnknownColumnsAreListedWithTheSeparatorOfTheReadersLanguage() {
        var company = support.company("imp3b");
        for (String[] lang : new String[][] {{"en", "名字, 电话"}, {"zh-CN", "名字、电话"}}) {
            var result = mvc.post().uri("/api/v1/customers/imports").multipart()
                    .file(new MockMultipartFile("file", "x.csv", "text/csv", "名字,电话\r\n甲,1\r\n".getBytes(StandardCharsets.UTF_8)))
                    .header(HttpHeaders.AUTHORIZATION, support.bearer(mvc, company.eastRep()))
                    .header(HttpHeaders.ACCEPT_LANGUAGE, lang[0]).exchange();
            assertThat(result).hasStatus(422).bodyJson().extractingPath("$.errors[0].message").asString()
                    .as(lang[0]).contains(lang[1]);
        }
    }

    @Test
    void aNumericCellNoSpreadsheetCellCanHoldIsRefusedWhileTheFileIsReadAndImportsNothing() {
        var company = support.company("imp-huge");
        long before = jdbc.sql("select count(*) from customer_import").query(Long.class).single();
        // the walk's 客户名称 cell <v>1E50000000</v>: written out, 50 million characters in the import and its report
        byte[] xlsx = Workbooks.xlsx("<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>客户名称</t></is></c></row>"
                + "<row r=\"2\"><c r=\"A2\"><v>1E50000000</v></c></row>", null, false);
        var result = mvc.post().uri("/api/v1/customers/imports").multipart()
                .file(new MockMultipartFile("file", "huge.xlsx",
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx))
                .header(HttpHeaders.AUTHORIZATION, support.bearer(mvc, company.eastRep()))
                .header(HttpHeaders.ACCEPT_LANGUAGE, "en").exchange();
        assertThat(result).hasStatus(422).bodyJson().satisfies(json -> {
            assertThat(json).extractingPath("$.errors[0].code").isEqualTo("spreadsheet.numberOutOfRange");
            assertThat(json).extractingPath("$.errors[0].message").asString().startsWith("Row 2 has a number no spreadsheet cell can hold");
        });
        assertThat(jdbc.sql("select count(*) from customer_import").query(Long.class).single()).isEqualTo(before);
    }

    @Test
    void aZipBombIsRefusedWhileItIsReadAndImportsNothing() {
        var company = support.company("imp4");
        var result = mvc.post().uri("/api/v1/customers/imports").multipart()
                .file(new MockMultipartFile("file", "bomb.xlsx",
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", Workbooks.zipBomb(400L << 20)))
                .header(HttpHeaders.AUTHORIZATION, support.bearer(mvc, company.eastRep())).exchange();
        assertThat(result).hasStatus(422).bodyJson().extractingPath("$.errors[0].code").asString()
                .isIn("spreadsheet.packRatio", "spreadsheet.unpacksTooLarge");
        assertThat(jdbc.sql("select count(*) from customer_customer where owner_id = :rep")
                .param("rep", company.eastRep().id()).query(Long.class).single()).isZero();
    }
}
