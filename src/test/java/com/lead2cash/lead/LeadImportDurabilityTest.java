package com.lead2cash.lead;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.lead2cash.platform.BackgroundTasks;
import com.lead2cash.testing.Fixtures;
import com.lead2cash.testing.IntegrationTest;
import com.lead2cash.testing.LeadTestSupport;
import com.zaxxer.hikari.HikariDataSource;
import jakarta.servlet.http.Cookie;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.awaitility.Awaitility;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.JsonNode;

/**
 * Imports are durable background work: a run cut short resumes after its last committed batch on
 * whichever node picks it up, never creating a row's lead twice; an import that cannot go on ends
 * FAILED with its report; the same file cannot be imported twice; only so many imports run at once.
 * The application's own scheduler is off: each test starts the "nodes" it needs.
 */
@IntegrationTest
@TestPropertySource(properties = {"l2c.scheduler.enabled=false", "l2c.lead.import.batch-size=5",
        "l2c.lead.import.retry-after=200ms"})
class LeadImportDurabilityTest {

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final String HEADER = "公司名称*,来源渠道*,行业,区域,联系人,电话,预算（元）,计划采购日期,联系人有决策权\r\n";

    @Autowired MockMvcTester mvc;
    @Autowired LeadTestSupport support;
    @Autowired Fixtures fixtures;
    @Autowired JdbcClient jdbc;
    @Autowired DataSource dataSource;
    @Autowired List<Task<?>> tasks;
    @Autowired BackgroundTasks background;

    @AfterEach
    void noImportLeftUnderWay() {
        jdbc.sql("drop trigger if exists import_test_trigger on lead_lead").update();
        jdbc.sql("update lead_import set state = 'FAILED' where state in ('RECEIVING', 'QUEUED', 'RUNNING')").update();
        jdbc.sql("delete from scheduled_tasks where task_name = 'lead-import'").update();
    }

    /** Another application node on the same database, polling and beating fast. */
    private BackgroundTasks.Node node(DataSource db, String name) {
        return BackgroundTasks.node(db, tasks, BackgroundTasks.Settings.polling(Duration.ofMillis(100)),
                name);
    }

    private byte[] csv(String prefix, int rows, String region) {
        StringBuilder csv = new StringBuilder(HEADER);
        for (int i = 0; i < rows; i++) {
            csv.append(prefix).append(i).append(",展会,制造业,").append(region).append(",联系人").append(i).append(",1390")
                    .append(String.format("%07d", Math.abs((prefix + i).hashCode()) % 10_000_000)).append(",300000,")
                    .append(support.today().plusDays(20)).append(",是\r\n");
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    private MvcTestResult upload(String bearer, String name, byte[] content) {
        return mvc.post().uri("/api/v1/leads/imports").multipart()
                .file(new MockMultipartFile("file", name, "text/csv", content))
                .param("mode", "VALID_ROWS").header(HttpHeaders.AUTHORIZATION, bearer).exchange();
    }

    private String started(String bearer, String name, byte[] content) {
        MvcTestResult result = upload(bearer, name, content);
        assertThat(result).hasStatus(202);
        return support.json(result).get("id").asString();
    }

    private Map<String, Object> row(String id) {
        return jdbc.sql("select state, processed, imported, failed, attempts from lead_import where id = cast(:id as uuid)")
                .param("id", id).query().singleRow();
    }

    private int leads(String prefix) {
        return jdbc.sql("select count(*) from lead_lead where company_name like :p").param("p", prefix + "%")
                .query(Integer.class).single();
    }

    /** Starts a node of its own, waits for the import to reach {@code state}, and stops the node. */
    private void awaitStateOnNode(String nodeName, String id, String state) {
        BackgroundTasks.Node node = node(dataSource, nodeName);
        node.start();
        try {
            awaitState(id, state);
        } finally {
            node.stop();
        }
    }

    private void awaitState(String id, String state) {
        Awaitility.await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(100))
                .until(() -> state.equals(row(id).get("state")));
    }

    /** Every row has exactly one lead, that lead is the row's company, and no company came in twice. */
    private void assertEachRowCreatedItsLeadOnce(String id, String prefix, int rows) {
        assertThat(leads(prefix)).isEqualTo(rows);
        List<String> mismatched = jdbc.sql("""
                        select r.line from lead_import_row r left join lead_lead l on l.id = r.lead_id
                        where r.import_id = cast(:id as uuid) and (r.state <> 'IMPORTED' or l.company_name is null
                          or l.company_name <> r.cells ->> 'COMPANY_NAME')""")
                .param("id", id).query(String.class).list();
        assertThat(mismatched).isEmpty();
        assertThat(jdbc.sql("select count(distinct company_name) from lead_lead where company_name like :p")
                .param("p", prefix + "%").query(Integer.class).single()).isEqualTo(rows);
    }

    @Test
    void aRunThatFailsMidwayIsRetriedAndResumesAfterItsLastCommittedBatch() {
        LeadTestSupport.Company company = support.company(mvc, "fail");
        // the database refuses the 13th row: the third batch (rows 11-15) rolls back, the first two stay
        jdbc.sql("""
                create or replace function import_test_refuse() returns trigger as $$
                begin if new.company_name = '中途失败12' then raise exception 'simulated failure'; end if; return new; end
                $$ language plpgsql""").update();
        jdbc.sql("create trigger import_test_trigger before insert on lead_lead for each row execute function import_test_refuse()")
                .update();
        String admin = support.bearer(mvc, "admin");
        String id = started(admin, "fail.csv", csv("中途失败", 20, company.region()));
        BackgroundTasks.Node node = node(dataSource, "node-a");
        node.start();
        try {
            Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.sql(
                    "select coalesce(max(consecutive_failures), 0) from scheduled_tasks where task_instance = :id")
                    .param("id", id).query(Integer.class).single() >= 1);
            assertThat(row(id)).containsEntry("processed", 10).containsEntry("imported", 10);
            assertThat(leads("中途失败")).isEqualTo(10);

            jdbc.sql("drop trigger import_test_trigger on lead_lead").update();
            awaitState(id, "DONE");
        } finally {
            node.stop();
        }
        assertThat(row(id)).containsEntry("processed", 20).containsEntry("imported", 20).containsEntry("failed", 0);
        assertEachRowCreatedItsLeadOnce(id, "中途失败", 20);
    }

    @Test
    void anImportWhoseNodeDiedMidwayIsRevivedByAnotherNodeAndResumes() throws Exception {
        LeadTestSupport.Company company = support.company(mvc, "dies");
        // the 13th row waits for a lock the test holds, so the run is caught in its third batch
        jdbc.sql("""
                create or replace function import_test_wait() returns trigger as $$
                begin if new.company_name = '节点宕机12' then perform pg_advisory_xact_lock(4242); end if; return new; end
                $$ language plpgsql""").update();
        jdbc.sql("create trigger import_test_trigger before insert on lead_lead for each row execute function import_test_wait()")
                .update();
        HikariDataSource app = (HikariDataSource) dataSource;
        HikariDataSource nodeADatabase = new HikariDataSource();
        nodeADatabase.setJdbcUrl(app.getJdbcUrl());
        nodeADatabase.setUsername(app.getUsername());
        nodeADatabase.setPassword(app.getPassword());
        String admin = support.bearer(mvc, "admin");
        String id;
        try (Connection gate = dataSource.getConnection()) {
            gate.createStatement().execute("select pg_advisory_lock(4242)");
            id = started(admin, "dies.csv", csv("节点宕机", 20, company.region()));
            BackgroundTasks.Node nodeA = node(nodeADatabase, "node-a");
            nodeA.start();
            Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.sql("""
                    select count(*) from pg_stat_activity where wait_event_type = 'Lock' and wait_event = 'advisory'""")
                    .query(Integer.class).single() == 1);
            assertThat(row(id)).containsEntry("state", "RUNNING").containsEntry("processed", 10);

            // node A dies: its scheduler stops beating, its database sessions end, the open batch rolls back
            nodeA.stop();
            nodeADatabase.close();
            jdbc.sql("""
                    select pg_terminate_backend(pid) from pg_stat_activity
                    where wait_event_type = 'Lock' and wait_event = 'advisory'""").query().listOfRows();
            gate.createStatement().execute("select pg_advisory_unlock(4242)");
        }
        jdbc.sql("drop trigger import_test_trigger on lead_lead").update();
        assertThat(jdbc.sql("select picked_by from scheduled_tasks where task_instance = :id and picked")
                .param("id", id).query(String.class).optional()).as("left claimed by the dead node").contains("node-a");
        assertThat(leads("节点宕机")).isEqualTo(10);

        awaitStateOnNode("node-b", id, "DONE");
        assertThat(row(id)).containsEntry("imported", 20).containsEntry("attempts", 2);
        assertEachRowCreatedItsLeadOnce(id, "节点宕机", 20);
    }

    @Test
    void anImportRevivedTooOftenEndsFailedWithItsReport() throws Exception {
        LeadTestSupport.Company company = support.company(mvc, "often");
        String admin = support.bearer(mvc, "admin");
        String id = started(admin, "often.csv", csv("反复中断", 6, company.region()));
        // as if five runs had died one after the other
        jdbc.sql("update lead_import set attempts = 5, state = 'RUNNING' where id = cast(:id as uuid)").param("id", id).update();
        awaitStateOnNode("node-a", id, "FAILED");
        JsonNode status = support.getJson(mvc, admin, "/api/v1/leads/imports/" + id);
        assertThat(status.get("errors").get(0).get("line").asInt()).isZero();
        assertThat(status.get("errors").get(0).get("message").asString()).isNotBlank();
        assertThat(status.get("finishedAt").isNull()).isFalse();
        assertThat(leads("反复中断")).isZero();

        // its report lists the rows it never got to, and imports them as it is
        byte[] report = mvc.get().uri("/api/v1/leads/imports/" + id + "/report.xlsx")
                .header(HttpHeaders.AUTHORIZATION, admin).exchange().getResponse().getContentAsByteArray();
        List<String> reasons = new ArrayList<>();
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(report))) {
            wb.getFirstSheet().read().stream().skip(1).forEach(r -> reasons.add(r.getCellText(r.getCellCount() - 1)));
        }
        assertThat(reasons).hasSize(6).allSatisfy(reason -> assertThat(reason).matches("#[2-7] Not imported: .+"));
        MvcTestResult again = mvc.post().uri("/api/v1/leads/imports").multipart()
                .file(new MockMultipartFile("file", "report.xlsx", XLSX, report))
                .param("mode", "VALID_ROWS").header(HttpHeaders.AUTHORIZATION, admin).exchange();
        assertThat(again).hasStatus(202);
        awaitStateOnNode("node-b", support.json(again).get("id").asString(), "DONE");
        assertThat(leads("反复中断")).isEqualTo(6);
    }

    @Test
    void anUploadWhoseNodeDiedWhileReadingTheFileEndsFailedAndFreesItsPlace() {
        String admin = support.bearer(mvc, "admin");
        java.util.UUID adminId = jdbc.sql("select id from platform_user where username = 'admin'").query(java.util.UUID.class).single();
        // what a node leaves behind when it dies between admitting an upload and finishing reading it
        java.util.UUID id = java.util.UUID.randomUUID();
        jdbc.sql("""
                insert into lead_import (id, file_name, mode, state, created_by, created_at, file_sha256, file_size, locale)
                values (:id, 'cut.csv', 'VALID_ROWS', 'RECEIVING', :by, now(), 'abc', 10, 'zh-CN')""")
                .param("id", id).param("by", adminId).update();
        background.runSoon(new TaskInstance<>("lead-import", id.toString()));
        awaitStateOnNode("node-a", id.toString(), "FAILED");
        // said in the reader's language, not the uploader's (zh-CN)
        JsonNode status = support.getJson(mvc, admin, "/api/v1/leads/imports/" + id);
        assertThat(status.get("errors").get(0).get("message").asString()).contains("upload was interrupted");
        JsonNode inChinese = support.json(mvc.get().uri("/api/v1/leads/imports/" + id)
                .header(HttpHeaders.AUTHORIZATION, admin).header(HttpHeaders.ACCEPT_LANGUAGE, "zh-CN").exchange());
        assertThat(inChinese.get("errors").get(0).get("message").asString()).contains("上传");
        assertThat(upload(admin, "after.csv", csv("上传中断后", 1, "北京"))).hasStatus(202);
    }

    @Test
    void onlySoManyImportsAreUnderWayPerPersonAndInAllAndTheNextIsRefusedWith429() {
        LeadTestSupport.Company company = support.company(mvc, "busy");
        String marketing = support.bearer(mvc, company.marketing().username());
        started(marketing, "a.csv", csv("并发甲", 1, company.region()));
        started(marketing, "b.csv", csv("并发乙", 1, company.region()));
        MvcTestResult third = upload(marketing, "c.csv", csv("并发丙", 1, company.region()));
        assertThat(third).hasStatus(429).hasHeader(HttpHeaders.RETRY_AFTER, "30");
        assertThat(third).bodyJson().extractingPath("$.code").isEqualTo("lead.import.busy.mine");

        // on the page the same refusal is a message on the import screen
        Cookie session = fixtures.session(mvc, company.marketing().username(), Fixtures.PASSWORD);
        var page = mvc.post().uri("/leads/imports?lang=en").cookie(session)
                .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
                .multipart().file(new MockMultipartFile("file", "c.csv", "text/csv", csv("并发丙", 1, company.region())))
                .param("mode", "VALID_ROWS").exchange();
        assertThat(page).hasStatus3xxRedirection().hasRedirectedUrl("/leads/imports");
        assertThat(page.getMvcResult().getFlashMap().get("flashError")).isEqualTo("lead.import.busy.mine");

        String director = support.bearer(mvc, company.director().username());
        started(director, "d.csv", csv("并发丁", 1, company.region()));
        started(director, "e.csv", csv("并发戊", 1, company.region()));
        MvcTestResult fifth = upload(support.bearer(mvc, company.eastManager().username()), "f.csv",
                csv("并发己", 1, company.region()));
        assertThat(fifth).hasStatus(429);
        assertThat(fifth).bodyJson().extractingPath("$.code").isEqualTo("lead.import.busy.all");
        assertThat(leads("并发丙") + leads("并发己")).isZero();
    }

    @Test
    void theSameFileUploadedAgainIsRefusedNamingTheEarlierImportAndCreatesNothingTwice() {
        LeadTestSupport.Company company = support.company(mvc, "again");
        String marketing = support.bearer(mvc, company.marketing().username());
        byte[] file = csv("重复上传", 3, company.region());
        String first = started(marketing, "leads.csv", file);

        MvcTestResult whileQueued = upload(marketing, "leads-copy.csv", file);
        assertThat(whileQueued).hasStatus(409);
        assertThat(whileQueued).bodyJson().extractingPath("$.importId").isEqualTo(first);

        awaitStateOnNode("node-a", first, "DONE");
        MvcTestResult afterwards = upload(marketing, "leads.csv", file);
        assertThat(afterwards).hasStatus(409);
        assertThat(afterwards).bodyJson().extractingPath("$.code").isEqualTo("lead.import.alreadyImported");
        assertThat(afterwards).bodyJson().extractingPath("$.importId").isEqualTo(first);
        MvcTestResult inChinese = mvc.post().uri("/api/v1/leads/imports").multipart()
                .file(new MockMultipartFile("file", "leads.csv", "text/csv", file)).param("mode", "VALID_ROWS")
                .header(HttpHeaders.AUTHORIZATION, marketing).header(HttpHeaders.ACCEPT_LANGUAGE, "zh-CN").exchange();
        assertThat(inChinese).hasStatus(409);
        assertThat(inChinese).bodyJson().extractingPath("$.title").as("titled as every other 409").isEqualTo("冲突");
        assertThat(inChinese).bodyJson().extractingPath("$.importId").isEqualTo(first);
        assertThat(leads("重复上传")).isEqualTo(3);

        Cookie session = fixtures.session(mvc, company.marketing().username(), Fixtures.PASSWORD);
        var page = mvc.post().uri("/leads/imports").cookie(session)
                .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
                .multipart().file(new MockMultipartFile("file", "leads.csv", "text/csv", file))
                .param("mode", "VALID_ROWS").exchange();
        assertThat(page.getMvcResult().getFlashMap().get("flashError")).isEqualTo("lead.import.alreadyImported");
        assertThat(page.getMvcResult().getFlashMap().get("flashErrorLink")).as("a link to the earlier import")
                .isEqualTo(List.of("import.openEarlier", "/leads/imports/" + first));

        byte[] changed = (new String(file, StandardCharsets.UTF_8) + "重复上传新增,展会,,,,,,,\r\n").getBytes(StandardCharsets.UTF_8);
        assertThat(upload(marketing, "leads.csv", changed)).hasStatus(202);
    }
}
