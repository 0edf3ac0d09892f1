package com.lead2cash.opportunity;

import static org.assertj.core.api.Assertions.assertThat;

import com.lead2cash.platform.OrgDirectory;
import com.lead2cash.platform.Role;
import com.lead2cash.platform.internal.identity.IdentityService;
import com.lead2cash.testing.CustomerTestSupport;
import com.lead2cash.testing.Fixtures;
import com.lead2cash.testing.FormHtml;
import com.lead2cash.testing.IntegrationTest;
import com.lead2cash.testing.SalesTestSupport;
import com.lead2cash.testing.TestClock;
import jakarta.servlet.http.Cookie;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.JsonNode;

/**
 * The pipeline board offers "new opportunity" only to those who may open one; an opportunity's page lists in the
 * reader's language, says why nobody can be invited to its panel and, after an invitation, whom it went to.
 */
@IntegrationTest
@Import(TestClock.class)
class OpportunityBoardPageTest {

    @Autowired MockMvcTester mvc;
    @Autowired CustomerTestSupport customers;
    @Autowired SalesTestSupport sales;
    @Autowired Fixtures fixtures;
    @Autowired OrgDirectory org;
    @Autowired IdentityService identity;
    @Autowired com.lead2cash.testing.ContractTestSupport contracts;
    @Autowired com.lead2cash.testing.SignedContracts signing;
    @Autowired com.lead2cash.testing.MutableClock clock;
    @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;

    /** Decision 0026: the phone's move menu offers won only when the opportunity says it may be won (a signed contract). */
    @Test
    void thePhonesMoveMenuOffersWonOnlyOnceTheOpportunitysContractIsSigned() throws Exception {
        clock.set(TestClock.START);
        var r = contracts.reviewers("boardwon", CustomerTestSupport.HIRED.minusYears(10));
        String rep = contracts.bearer(mvc, r.rep());
        String opportunity = contracts.opportunityAtContractStage(mvc, r, "泰州看板赢单有限公司", "400000.00");
        String draft = contracts.draft(mvc, rep, opportunity, "400000.00", "LOW").get("id").asString();

        String menu = moveMenu(r.rep(), opportunity);
        assertThat(menu).contains("<option value=\"NEGOTIATION\"")
                .as("its contract under way: lost is not offered (the contract is terminated first)")
                .doesNotContain("<option value=\"LOST\"")
                .as("no signed contract: won is not offered").doesNotContain("<option value=\"WON\"")
                .doesNotContain("<option value=\"CONTRACT\"");

        sales.move(mvc, rep, opportunity, "NEGOTIATION");
        signing.signDraft(mvc, r, draft, "2026-12-01");
        sales.move(mvc, rep, opportunity, "CONTRACT");
        assertThat(moveMenu(r.rep(), opportunity)).as("its contract is signed: won is offered")
                .contains("<option value=\"WON\"", "<option value=\"LOST\"");
    }

    /** The move menu offers only stages the move would take: none past evaluation before the panel qualifies it (O1). */
    @Test
    void thePhonesMoveMenuOffersNoStagePastEvaluationUntilThePanelQualifiesTheOpportunity() throws Exception {
        clock.set(TestClock.START);
        SalesTestSupport.Team team = sales.team("boardo1");
        String rep = sales.bearer(mvc, team.rep());
        String customer = sales.customerWithContact(team.rep(), "泰州看板评估有限公司", "王经理", "wang@boardo1.example");
        String opportunity = sales.opportunity(mvc, rep, customer, "泰州看板评估项目", "200000.00").get("id").asString();

        assertThat(moveMenu(team.rep(), opportunity)).as("in discovery, no evaluation")
                .contains("<option value=\"EVALUATION\"", "<option value=\"LOST\"")
                .doesNotContain("<option value=\"PROPOSAL\"", "<option value=\"NEGOTIATION\"",
                        "<option value=\"CONTRACT\"");

        sales.qualify(mvc, team, opportunity);
        assertThat(moveMenu(team.rep(), opportunity)).as("the panel qualified it")
                .contains("<option value=\"PROPOSAL\"", "<option value=\"NEGOTIATION\"", "<option value=\"CONTRACT\"");
    }

    /** The phone's move form of the opportunity's card on the board, as its owner reads it. */
    private String moveMenu(com.lead2cash.platform.internal.identity.User user, String id) throws Exception {
        String board = mvc.get().uri("/opportunities?lang=en").cookie(customers.session(mvc, user)).exchange()
                .getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        int card = board.indexOf("id=\"card-" + id + "\"");
        assertThat(card).as("the card is on the board").isNotNegative();
        int form = board.indexOf("board-move", card);
        assertThat(form).isNotNegative();
        return board.substring(form, board.indexOf("</form>", form));
    }

    @Test
    void financeReadsTheBoardWithoutTheNewOpportunityButtonARepHasIt() throws Exception {
        var team = sales.team("board-page");
        Cookie finance = customers.session(mvc, team.company().finance());
        var financeBoard = mvc.get().uri("/opportunities").cookie(finance).exchange();
        assertThat(financeBoard).hasStatusOk();
        assertThat(financeBoard.getResponse().getContentAsString(StandardCharsets.UTF_8))
                .doesNotContain("id=\"new-opportunity\"");
        assertThat(mvc.get().uri("/opportunities/new").cookie(finance).exchange()).hasStatus(403);

        Cookie rep = customers.session(mvc, team.rep());
        assertThat(mvc.get().uri("/opportunities").cookie(rep).exchange().getResponse()
                .getContentAsString(StandardCharsets.UTF_8)).contains("id=\"new-opportunity\"");
    }

    /**
     * Roles walk: the list screen of an invited tech-support colleague was empty. It lists the opportunities they are
     * invited to evaluate, not the others; a withdrawn invitation takes it off.
     */
    @Test
    void O2_theListScreenOfTechSupportShowsTheOpportunitiesTheyAreInvitedTo() throws Exception {
        var team = sales.team("o2list-page");
        String rep = sales.bearer(mvc, team.rep());
        String customer = sales.customerWithContact(team.rep(), "苏州列表页面有限公司", "顾工", "gu@o2list-page.test");
        JsonNode invitedTo = sales.opportunity(mvc, rep, customer, "页面邀请", "500000");
        JsonNode notInvitedTo = sales.opportunity(mvc, rep, customer, "页面未邀请", "400000");
        String invitation = customers.json(SalesTestSupport.expect(customers.post(mvc, rep,
                "/api/v1/opportunities/" + invitedTo.get("id").asString() + "/evaluation-invitations",
                "{\"inviteeId\":\"" + team.tech().id() + "\"}"), 201)).get("id").asString();
        Cookie tech = customers.session(mvc, team.tech());

        String list = html(tech, "/opportunities/list?lang=en");
        assertThat(list).contains("href=\"/opportunities/" + invitedTo.get("id").asString() + "\"",
                        ">" + invitedTo.get("code").asString() + "<", "页面邀请")
                .doesNotContain("/opportunities/" + notInvitedTo.get("id").asString(), "页面未邀请");

        assertThat(mvc.delete().uri("/api/v1/opportunities/{id}/evaluation-invitations/{inv}", invitedTo.get("id").asString(),
                invitation).header(HttpHeaders.AUTHORIZATION, rep)).hasStatus(204);
        assertThat(html(tech, "/opportunities/list?lang=en")).doesNotContain("/opportunities/" + invitedTo.get("id").asString());
    }

    @Test
    void theMonthFiltersOfferOnlyTheYearsARecordCanHave() throws Exception {
        var team = sales.team("month-bounds");
        Cookie rep = customers.session(mvc, team.rep());
        for (String page : new String[] {"/opportunities", "/opportunities/list", "/opportunities/forecast"}) {
            String html = mvc.get().uri(page).cookie(rep).exchange().getResponse()
                    .getContentAsString(StandardCharsets.UTF_8);
            assertThat(html).as(page).containsPattern("type=\"month\"[^>]*min=\"1900-01\"[^>]*max=\"2199-12\"");
        }
    }

    @Test
    void theBoardAndTheForecastShowMoneyWithTwoDecimalsAsEveryOtherScreen() throws Exception {
        clock.set(TestClock.START);
        var team = sales.team("money-cents");
        String customer = sales.customerWithContact(team.rep(), "泰州看板分角科技有限公司", "王经理", null);
        String opportunity = sales.opportunity(mvc, sales.bearer(mvc, team.rep()), customer, "分角商机", "471190.53")
                .get("id").asString();
        Cookie rep = customers.session(mvc, team.rep());

        String board = mvc.get().uri("/opportunities?lang=en").cookie(rep).exchange().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        // walk finding: the card read 471,191 and the column's total and weighted value had no cents either
        assertThat(board).contains(opportunity, ">471,190.53<").doesNotContain(">471,191<")
                .containsPattern("id=\"total-[A-Z_]+\">471,190\\.53<")
                .containsPattern("id=\"weighted-[A-Z_]+\">· weighted [0-9,]+\\.[0-9]{2} \\(");
        String forecast = mvc.get().uri("/opportunities/forecast?lang=en").cookie(rep).exchange().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(forecast).contains(">471,190.53<").doesNotContain(">471,191<");
    }

    @Test
    void theForecastsTotalRowSaysWhoseFiguresItAddsUp() throws Exception {
        var team = sales.team("forecast-total");
        String[][] readers = {{"rep", "我的合计"}, {"manager", "我的团队合计"}, {"director", "全公司"}};
        for (String[] reader : readers) {
            var user = switch (reader[0]) {
                case "rep" -> team.rep();
                case "manager" -> team.manager();
                default -> team.director();
            };
            String html = mvc.get().uri("/opportunities/forecast?lang=zh-CN").cookie(customers.session(mvc, user))
                    .exchange().getResponse().getContentAsString(StandardCharsets.UTF_8);
            assertThat(html).as(reader[0]).contains("id=\"forecast-total-label\">" + reader[1] + "<");
        }
        // a rep's own figures are not shown as a row named after the team: by rep instead
        String repByTeam = mvc.get().uri("/opportunities/forecast?lang=zh-CN&groupBy=TEAM")
                .cookie(customers.session(mvc, team.rep())).exchange().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(repByTeam).containsPattern("<option value=\"REP\"\\s+selected=\"selected\"");
        String managerByTeam = mvc.get().uri("/opportunities/forecast?lang=zh-CN&groupBy=TEAM")
                .cookie(customers.session(mvc, team.manager())).exchange().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(managerByTeam).containsPattern("<option value=\"TEAM\"\\s+selected=\"selected\"");
        String chosen = mvc.get().uri("/opportunities/forecast?lang=en&teamId=" + team.company().west())
                .cookie(customers.session(mvc, team.director())).exchange().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(chosen).contains("id=\"forecast-total-label\">The chosen team&#39;s total<");
    }

    /** Walk finding: an unknown team's forecast was an all-zero total; a team outside the filter's choices is 404. */
    @Test
    void aForecastOfATeamUnknownOrOutsideTheReadersScopeIsNotFoundAndAnExportsAuditNamesTheTeam() throws Exception {
        var team = sales.team("forecast-team-404");
        Cookie manager = customers.session(mvc, team.manager());
        String managerToken = sales.bearer(mvc, team.manager());
        String unknown = java.util.UUID.randomUUID().toString();
        for (String teamId : List.of(unknown, team.company().west().toString())) {
            for (String uri : List.of("/opportunities/forecast?teamId=", "/opportunities/forecast/export.xlsx?teamId=")) {
                var response = mvc.get().uri(uri + teamId + "&lang=en").cookie(manager).exchange().getResponse();
                assertThat(response.getStatus()).as(uri + teamId).isEqualTo(404);
                assertThat(response.getHeader("Content-Disposition")).as("no file").isNull();
            }
            assertThat(mvc.get().uri("/api/v1/opportunities/forecast?teamId=" + teamId)
                    .header("Authorization", managerToken)).as(teamId).hasStatus(404);
        }
        assertThat(jdbc.sql("""
                select count(*) from platform_audit_event where action = 'EXPORT' and entity_type = 'Opportunity'
                and actor_name = :u""").param("u", team.manager().username()).query(Long.class).single()).isZero();

        // the director's own choice: the file, its audit naming the team by its unit's name, not its id
        Cookie director = customers.session(mvc, team.director());
        String west = team.company().west().toString();
        assertThat(mvc.get().uri("/opportunities/forecast?teamId=" + west).cookie(director)).hasStatusOk();
        com.lead2cash.testing.ExportedWorkbook.file(mvc, director, "/opportunities/forecast/export.xlsx?teamId=" + west
                + "&lang=en");
        String detail = jdbc.sql("""
                select detail from platform_audit_event where action = 'EXPORT' and entity_type = 'Opportunity'
                and actor_name = :u order by id desc limit 1""").param("u", team.director().username())
                .query(String.class).single();
        assertThat(detail.substring(detail.lastIndexOf('\n') + 1)).isEqualTo(org.unitName(team.company().west())
                .orElseThrow()).isNotEqualTo(west);
    }

    /** The board's screen answers a team outside the filter's choices as the forecast's does: 404, not an empty board. */
    @Test
    void aBoardOfATeamUnknownOrOutsideTheReadersChoicesIsNotFoundAndNothingMovesOnIt() throws Exception {
        var team = sales.team("board-screen-404");
        String token = sales.bearer(mvc, team.rep());
        String customer = sales.customerWithContact(team.rep(), "湖州看板屏幕科技有限公司", "吴经理", null);
        JsonNode opportunity = sales.opportunity(mvc, token, customer, "看板屏幕商机", "100000");
        String id = opportunity.get("id").asString();
        String version = opportunity.get("version").asString();
        Cookie manager = customers.session(mvc, team.manager());
        Cookie rep = customers.session(mvc, team.rep());
        for (String teamId : List.of(team.company().west().toString(), java.util.UUID.randomUUID().toString())) {
            assertThat(mvc.get().uri("/opportunities?lang=en&teamId=" + teamId).cookie(manager)).as(teamId)
                    .hasStatus(404);
            assertThat(mvc.get().uri("/opportunities?lang=en&teamId=" + teamId).cookie(manager)
                    .header("HX-Request", "true")).as("the board's rows for htmx, " + teamId).hasStatus(404);
            // the owner's move the board would take (discovery to evaluation), posted with that team's filter
            notFound(rep, "/opportunities/" + id + "/move", "stage", "EVALUATION", "version", version,
                    "teamId", teamId);
        }
        JsonNode after = customers.json(customers.get(mvc, token, "/api/v1/opportunities/" + id));
        assertThat(after.get("stage").asString()).as("nothing moved").isEqualTo("DISCOVERY");
        assertThat(after.get("version").asString()).isEqualTo(version);
        assertThat(mvc.get().uri("/opportunities?lang=en&teamId=" + team.company().east()).cookie(manager))
                .as("their own team's board").hasStatusOk().bodyText().contains(id);
    }

    /** The list's screen answers a team outside the filter's choices as the board's does: 404, not an empty list. */
    @Test
    void aListOfATeamUnknownOrOutsideTheReadersChoicesIsNotFound() throws Exception {
        var team = sales.team("list-screen-404");
        String token = sales.bearer(mvc, team.rep());
        String customer = sales.customerWithContact(team.rep(), "湖州列表屏幕科技有限公司", "郑经理", null);
        String id = sales.opportunity(mvc, token, customer, "列表屏幕商机", "100000").get("id").asString();
        Cookie manager = customers.session(mvc, team.manager());
        for (String teamId : List.of(team.company().west().toString(), java.util.UUID.randomUUID().toString())) {
            assertThat(mvc.get().uri("/opportunities/list?lang=en&teamId=" + teamId).cookie(manager)).as(teamId)
                    .hasStatus(404);
            assertThat(mvc.get().uri("/opportunities/list?lang=en&stage=WON&teamId=" + teamId).cookie(manager))
                    .as("a stage's list alike, " + teamId).hasStatus(404);
        }
        assertThat(mvc.get().uri("/opportunities/list?lang=en&teamId=" + team.company().east()).cookie(manager))
                .as("their own team's list").hasStatusOk().bodyText().contains("/opportunities/" + id, "列表屏幕商机");
    }

    /** SPEC §5: the forecast exports the lines its screen shows for the same filters, in the reader's scope. */
    @Test
    void theForecastExportsTheLinesItsScreenShowsForItsFiltersInTheReadersScope() throws Exception {
        var team = sales.team("forecast-export");
        String rep = sales.bearer(mvc, team.rep());
        String customer = sales.customerWithContact(team.rep(), "嘉兴预测导出电子有限公司", "孙经理", "sun@fcexp.example");
        JsonNode first = sales.opportunity(mvc, rep, customer, "预测导出一期", "100000.50");
        sales.opportunity(mvc, rep, customer, "预测导出二期", "300000");
        var west = team.company().westRep();
        sales.opportunity(mvc, sales.bearer(mvc, west),
                sales.customerWithContact(west, "绍兴预测导出电子有限公司", "钱经理", "qian@fcexp.example"), "预测导出西区", "500000");
        java.time.YearMonth month = java.time.YearMonth.from(java.time.LocalDate.parse(first.get("expectedCloseDate").asString()));
        String filters = "from=" + month + "&months=3&groupBy=REP";
        Cookie manager = customers.session(mvc, team.manager());
        assertThat(html(manager, "/opportunities/forecast?" + filters + "&lang=en")).as("the link takes the filters")
                .contains("id=\"export-forecast\"", "/opportunities/forecast/export.xlsx?" + filters.replace("&", "&amp;"));
        assertThat(html(manager, "/opportunities/forecast?" + filters + "&lang=zh-CN")).contains(">导出</a>");

        JsonNode api = customers.getJson(mvc, sales.bearer(mvc, team.manager()), "/api/v1/opportunities/forecast?" + filters);
        byte[] file = com.lead2cash.testing.ExportedWorkbook.file(mvc, manager,
                "/opportunities/forecast/export.xlsx?" + filters + "&lang=en");
        var rows = com.lead2cash.testing.SpreadsheetCells.formattedRows(file, 0);
        assertThat(List.of(0, 1, 2, 3, 4, 5, 6)).extracting(c -> rows.get(0).getCellText(c)).as("headers in the reader's language")
                .containsExactly("Figures of", "Month", "Pipeline", "Best case", "Commit", "Weighted", "Won");
        assertThat(rows).as("the total's three months, then the rep's").hasSize(1 + 3 + 3);
        var total = rows.get(1);
        assertThat(total.getCellText(0)).isEqualTo("My teams' total");
        assertThat(total.getCellAsDate(1)).as("the month a date").hasValue(month.atDay(1).atStartOfDay());
        assertThat(total.getCell(1).getDataFormatString()).isEqualTo("yyyy-mm");
        JsonNode cell = api.get("company").get("months").get(month.toString());
        assertThat(total.getCellAsNumber(2)).as("the API's figures").hasValueSatisfying(n -> assertThat(n)
                .isEqualByComparingTo(cell.get("pipeline").decimalValue()).isEqualByComparingTo("400000.50"));
        assertThat(total.getCellAsNumber(5)).hasValueSatisfying(n -> assertThat(n)
                .isEqualByComparingTo(cell.get("weighted").decimalValue()));
        assertThat(total.getCell(2).getDataFormatString()).as("money").isEqualTo("#,##0.00");
        assertThat(rows.subList(4, 7)).extracting(r -> r.getCellText(0)).containsOnly(team.rep().displayName());
        assertThat(rows.get(4).getCellAsNumber(2)).hasValueSatisfying(n -> assertThat(n)
                .isEqualByComparingTo(api.get("rows").get(0).get("months").get(month.toString()).get("pipeline").decimalValue()));
        assertThat(rows).extracting(r -> r.getCellText(0)).as("another team's rep").doesNotContain(west.displayName());

        var theirs = com.lead2cash.testing.ExportedWorkbook.rows(mvc, customers.session(mvc, team.company().westManager()),
                "/opportunities/forecast/export.xlsx?" + filters + "&lang=en");
        assertThat(theirs.get(1).getCellAsNumber(2)).as("the other team's total: their own only")
                .hasValueSatisfying(n -> assertThat(n).isEqualByComparingTo("500000"));
        assertThat(theirs.subList(4, theirs.size())).extracting(r -> r.getCellText(0)).containsOnly(west.displayName());

        assertThat(jdbc.sql("""
                select detail from platform_audit_event where action = 'EXPORT' and entity_type = 'Opportunity'
                and actor_name = :u order by id limit 1""").param("u", team.manager().username()).query(String.class).single())
                .isEqualTo(String.join("\n", "opportunity.audit.forecastExported", "6", month.toString(), "3",
                        "opportunity.forecast.by.REP", "opportunity.filter.anyTeam"));
    }

    /** SPEC §5: win/loss exports its tables, a sheet each, for the screen's period, in the reader's scope. */
    @Test
    void winLossExportsItsTablesForTheScreensPeriodInTheReadersScope() throws Exception {
        var team = sales.team("winloss-export");
        String rep = sales.bearer(mvc, team.rep());
        String customer = sales.customerWithContact(team.rep(), "湖州赢输导出电子有限公司", "孙经理", "sun@wlexp.example");
        String lost = sales.opportunity(mvc, rep, customer, "赢输导出一期", "120000.50").get("id").asString();
        assertThat(customers.post(mvc, rep, "/api/v1/opportunities/" + lost + "/stage",
                "{\"stage\":\"LOST\",\"version\":0,\"lostReason\":\"PRICE\",\"lostTo\":\"海康导出\"}")).hasStatus(200);
        var west = team.company().westRep();
        String westToken = sales.bearer(mvc, west);
        String theirs = sales.opportunity(mvc, westToken, sales.customerWithContact(west, "丽水赢输导出电子有限公司", "钱经理",
                "qian@wlexp.example"), "赢输导出西区", "80000").get("id").asString();
        assertThat(customers.post(mvc, westToken, "/api/v1/opportunities/" + theirs + "/stage",
                "{\"stage\":\"LOST\",\"version\":0,\"lostReason\":\"PRICE\",\"lostTo\":\"大华导出\"}")).hasStatus(200);
        java.time.LocalDate today = clock.instant().atZone(java.time.ZoneId.of("Asia/Shanghai")).toLocalDate();
        String period = "from=" + today + "&to=" + today;
        Cookie manager = customers.session(mvc, team.manager());
        assertThat(html(manager, "/opportunities/win-loss?" + period + "&lang=en")).as("the link takes the period")
                .contains("id=\"export-win-loss\"", "/opportunities/win-loss/export.xlsx?" + period.replace("&", "&amp;"));
        assertThat(html(manager, "/opportunities/win-loss?" + period + "&lang=zh-CN")).contains(">导出</a>");

        JsonNode api = customers.getJson(mvc, sales.bearer(mvc, team.manager()), "/api/v1/opportunities/win-loss?" + period);
        byte[] file = com.lead2cash.testing.ExportedWorkbook.file(mvc, manager,
                "/opportunities/win-loss/export.xlsx?" + period + "&lang=en");
        assertThat(com.lead2cash.testing.SpreadsheetCells.sheetNames(file))
                .containsExactly("By owner", "Against competitors", "Lost, by reason", "Average days in each stage");
        var owners = com.lead2cash.testing.SpreadsheetCells.formattedRows(file, 0);
        assertThat(List.of(0, 1, 2, 3, 4, 5, 6)).extracting(c -> owners.get(0).getCellText(c))
                .containsExactly("Owner", "Won", "Won amount (CNY)", "Lost", "Lost amount (CNY)", "Win rate", "Win rate by amount");
        assertThat(owners).extracting(r -> r.getCellText(0)).as("the total, then the team's owner; not the other team's")
                .containsExactly("Owner", "All closed", team.rep().displayName());
        var total = owners.get(1);
        assertThat(total.getCellAsNumber(3)).hasValueSatisfying(n -> assertThat(n)
                .isEqualByComparingTo(api.at("/total/lost").decimalValue()).isEqualByComparingTo("1"));
        assertThat(total.getCellAsNumber(4)).hasValueSatisfying(n -> assertThat(n)
                .isEqualByComparingTo(api.at("/total/lostAmount").decimalValue()).isEqualByComparingTo("120000.50"));
        assertThat(total.getCell(4).getDataFormatString()).isEqualTo("#,##0.00");
        assertThat(total.getCellAsNumber(5)).as("none won of one closed").hasValueSatisfying(n -> assertThat(n).isZero());
        assertThat(total.getCell(5).getDataFormatString()).isEqualTo("0.0%");
        assertThat(com.lead2cash.testing.SpreadsheetCells.formattedRows(file, 1)).extracting(r -> r.getCellText(0))
                .as("the competitors of the team's opportunities only").containsExactly("Competitor", "海康导出");
        var reasons = com.lead2cash.testing.SpreadsheetCells.formattedRows(file, 2);
        assertThat(reasons).hasSize(2);
        assertThat(reasons.get(1).getCellText(0)).as("the reason by its label").isEqualTo("Price too high");
        assertThat(reasons.get(1).getCellAsNumber(2)).hasValueSatisfying(n -> assertThat(n)
                .isEqualByComparingTo(api.at("/reasons/0/amount").decimalValue()));

        assertThat(jdbc.sql("""
                select detail from platform_audit_event where action = 'EXPORT' and entity_type = 'Opportunity'
                and actor_name = :u order by id limit 1""").param("u", team.manager().username()).query(String.class).single())
                .isEqualTo(String.join("\n", "opportunity.audit.winLossExported", today.toString(), today.toString(), "0", "1"));
    }

    /** A win/loss period ending before it starts is refused, screen, export and API alike: no file, nothing audited. */
    @Test
    void aWinLossPeriodEndingBeforeItStartsIsRefusedOnTheScreenItsExportAndTheApi() throws Exception {
        var team = sales.team("winloss-reversed");
        Cookie manager = customers.session(mvc, team.manager());
        java.time.LocalDate today = clock.instant().atZone(java.time.ZoneId.of("Asia/Shanghai")).toLocalDate();
        String afterToday = today.plusDays(3).toString();
        for (String period : List.of("from=2026-12-31&to=2026-01-01", "from=" + afterToday)) {
            for (String uri : List.of("/opportunities/win-loss?", "/opportunities/win-loss/export.xlsx?")) {
                var response = mvc.get().uri(uri + period + "&lang=zh-CN").cookie(manager).exchange().getResponse();
                assertThat(response.getStatus()).as(uri + period).isEqualTo(422);
                assertThat(response.getHeader("Content-Disposition")).as("no file").isNull();
                assertThat(response.getContentAsString(StandardCharsets.UTF_8)).as(uri + period)
                        .contains("结束日期不能早于开始日期。");
            }
            assertThat(mvc.get().uri("/api/v1/opportunities/win-loss?" + period)
                    .header("Authorization", sales.bearer(mvc, team.manager()))).hasStatus(422);
        }
        assertThat(jdbc.sql("""
                select count(*) from platform_audit_event where action = 'EXPORT' and entity_type = 'Opportunity'
                and actor_name = :u""").param("u", team.manager().username()).query(Long.class).single()).isZero();
        assertThat(mvc.get().uri("/opportunities/win-loss?from=" + today + "&to=" + today).cookie(manager))
                .as("a single day is a period").hasStatusOk();
    }

    private String html(Cookie session, String uri) throws Exception {
        return mvc.get().uri(uri).cookie(session).exchange().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void aForecastPageOfNoMonthsOrMoreThanItLaysOutIsRefusedSayingTheBounds() throws Exception {
        var team = sales.team("forecast-months-page");
        for (String months : List.of("0", "-1", "13", "100000")) {
            var response = mvc.get().uri("/opportunities/forecast?lang=en&months=" + months)
                    .cookie(customers.session(mvc, team.manager())).exchange().getResponse();
            assertThat(response.getStatus()).as(months).isEqualTo(400);
            assertThat(response.getContentAsString(StandardCharsets.UTF_8)).as(months)
                    .contains("The forecast covers 1 to 12 months.");
        }
        var twelve = mvc.get().uri("/opportunities/forecast?lang=en&months=12")
                .cookie(customers.session(mvc, team.manager())).exchange().getResponse();
        assertThat(twelve.getStatus()).isEqualTo(200);
    }

    @Test
    void anOpportunitysProductLinesAreListedWithTheSeparatorOfTheReadersLanguage() throws Exception {
        var team = sales.team("separator-page");
        String token = sales.bearer(mvc, team.rep());
        String customer = sales.customerWithContact(team.rep(), "列举测试有限公司", "王经理", "wang@example.com");
        String id = customers.json(SalesTestSupport.expect(customers.post(mvc, token, "/api/v1/opportunities", """
                {"customerId":"%s","name":"列举测试","amount":1000,"expectedCloseDate":"2026-12-31","productLines":["安防","门禁"]}"""
                .formatted(customer)), 201)).get("id").asString();
        Cookie rep = customers.session(mvc, team.rep());
        assertThat(mvc.get().uri("/opportunities/" + id + "?lang=en").cookie(rep).exchange().getResponse()
                .getContentAsString(StandardCharsets.UTF_8)).contains("安防, 门禁").doesNotContain("安防、门禁");
        assertThat(mvc.get().uri("/opportunities/" + id + "?lang=zh-CN").cookie(rep).exchange().getResponse()
                .getContentAsString(StandardCharsets.UTF_8)).contains("安防、门禁");
    }

    @Test
    void anAmountTypedWithThousandsSeparatorsOrFullWidthDigitsIsReadAsOnEveryOtherForm() throws Exception {
        var team = sales.team("grouped-amount");
        String token = sales.bearer(mvc, team.rep());
        String customer = sales.customerWithContact(team.rep(), "千分位金额有限公司", "赵经理", "zhao@example.com");
        JsonNode created = customers.json(SalesTestSupport.expect(customers.post(mvc, token, "/api/v1/opportunities", """
                {"customerId":"%s","name":"千分位","amount":1000,"expectedCloseDate":"2026-12-31"}"""
                .formatted(customer)), 201));
        String id = created.get("id").asString();
        Cookie rep = customers.session(mvc, team.rep());
        long version = created.get("version").asLong();
        for (String typed : new String[] {"1,200,000.00", "１，３００，０００．５０"}) {
            var saved = mvc.post().uri("/opportunities/" + id).cookie(rep).with(SecurityMockMvcRequestPostProcessors.csrf())
                    .param("name", "千分位").param("amount", typed).param("expectedCloseDate", "2026-12-31")
                    .param("version", String.valueOf(version)).exchange();
            assertThat(saved).as(typed).hasStatus3xxRedirection();
            version++;
        }
        assertThat(customers.json(customers.get(mvc, token, "/api/v1/opportunities/" + id)).get("amount").decimalValue())
                .isEqualByComparingTo("1300000.50");
        String refused = mvc.post().uri("/opportunities/" + id).cookie(rep).with(SecurityMockMvcRequestPostProcessors.csrf())
                .param("name", "千分位").param("amount", "1,2a").param("expectedCloseDate", "2026-12-31")
                .param("version", String.valueOf(version)).exchange().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(FormHtml.inputValue(refused, "amount")).as("no amount: refused, given back as typed").isEqualTo("1,2a");
        // a close date past the years a record can have (the picker bypassed): beside it, as typed, not the error page
        String farAhead = mvc.post().uri("/opportunities/" + id + "?lang=en").cookie(rep)
                .with(SecurityMockMvcRequestPostProcessors.csrf()).param("name", "千分位（改）").param("amount", "1000")
                .param("expectedCloseDate", "9999-01-01").param("version", String.valueOf(version)).exchange()
                .getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(farAhead).as("the close date's own range, not the years any date may have")
                .contains("The expected close date must lie between today (2026-12-01) and 2036-12-01.")
                .doesNotContain("id=\"error-detail\"", "The date must lie between");
        assertThat(FormHtml.inputValue(farAhead, "expectedCloseDate")).isEqualTo("9999-01-01");
        assertThat(FormHtml.inputValue(farAhead, "name")).isEqualTo("千分位（改）");
        // an amount past the money column is too large, not too precise; too many decimals says so
        for (String[] typed : new String[][] {{"99999999999999999999999", "more than 16 digits before the decimal point"},
                {"1000.125", "more than 2 decimal places"}}) {
            String wrong = mvc.post().uri("/opportunities/" + id + "?lang=en").cookie(rep)
                    .with(SecurityMockMvcRequestPostProcessors.csrf()).param("name", "千分位").param("amount", typed[0])
                    .param("expectedCloseDate", "2026-12-31").param("version", String.valueOf(version)).exchange()
                    .getResponse().getContentAsString(StandardCharsets.UTF_8);
            assertThat(wrong).as(typed[0]).contains(typed[1]).doesNotContain("at most two decimals");
        }
        assertThat(customers.json(customers.get(mvc, token, "/api/v1/opportunities/" + id)).get("version").asLong())
                .as("nothing saved").isEqualTo(version);
    }

    @Test
    void withoutATechSupportColleagueTheEvaluationPanelSaysWhyNobodyIsInvitedAndWhoAddsOne() throws Exception {
        var company = customers.company("no-tech");
        // other tests of this class add tech-support colleagues: here nobody active has the role
        org.activeWithRole(Role.TECH_SUPPORT).forEach(p -> identity.setActive(p.id(), false, identity.user(p.id()).version()));
        String token = customers.bearer(mvc, company.eastRep());
        String customer = sales.customerWithContact(company.eastRep(), "无技术支持有限公司", "李经理", "li@example.com");
        String id = customers.json(SalesTestSupport.expect(customers.post(mvc, token, "/api/v1/opportunities", """
                {"customerId":"%s","name":"无人可邀","amount":1000,"expectedCloseDate":"2026-12-31"}"""
                .formatted(customer)), 201)).get("id").asString();
        Cookie rep = customers.session(mvc, company.eastRep());

        assertThat(page(id, "en", rep)).contains("id=\"invite-none\"", "needs a tech-support colleague",
                "An administrator adds one").doesNotContain("id=\"invite-submit\"");
        assertThat(page(id, "zh-CN", rep)).contains("评估需要一位技术支持同事", "系统管理员");

        fixtures.user("tech.no-tech", fixtures.rootUnit(), CustomerTestSupport.HIRED, Role.TECH_SUPPORT);
        assertThat(page(id, "en", rep)).contains("id=\"invite-submit\"", "tech.no-tech").doesNotContain("invite-none");
    }

    @Test
    void O2_aRepWhoInvitesTechSupportOnThePageIsToldWhomTheInvitationWentTo() throws Exception {
        var team = sales.team("invite-flash");
        var second = fixtures.user("tech2.invite-flash", fixtures.rootUnit(), CustomerTestSupport.HIRED, Role.TECH_SUPPORT);
        String token = sales.bearer(mvc, team.rep());
        String customer = sales.customerWithContact(team.rep(), "邀请提示有限公司", "赵经理", "zhao@example.com");
        String id = sales.opportunity(mvc, token, customer, "邀请提示", "1000").get("id").asString();
        Cookie rep = customers.session(mvc, team.rep());

        assertThat(inviteAndShow(id, "zh-CN", rep, team.tech().id()))
                .contains("已向 " + team.tech().username() + " Name 发出评估邀请。");
        assertThat(inviteAndShow(id, "en", rep, second.id()))
                .contains("Invitation sent to " + second.username() + " Name.");
    }

    @Test
    void aRefusedLossOrEvaluationComesBackWithWhatWasChosenAndTyped() throws Exception {
        var team = sales.team("typed-page");
        String token = sales.bearer(mvc, team.rep());
        String customer = sales.customerWithContact(team.rep(), "回填商机有限公司", "钱经理", "qian@example.com");
        JsonNode opportunity = sales.opportunity(mvc, token, customer, "回填商机", "1000");
        String id = opportunity.get("id").asString();
        Cookie rep = customers.session(mvc, team.rep());

        refused(rep, "/opportunities/" + id + "/stage", "opportunity.lost.reasonRequired", "stage", "LOST", "lostReason", "",
                "lostTo", "某友商", "lostNote", "对方报价低两成，客户高层已拍板", "version", opportunity.get("version").asString());
        String page = page(id, "en", rep);
        assertThat(FormHtml.inputValue(page, "lost-to")).isEqualTo("某友商");
        assertThat(FormHtml.inputValue(page, "lost-note")).isEqualTo("对方报价低两成，客户高层已拍板");
        refused(rep, "/opportunities/" + id + "/stage", "error.staleVersion", "stage", "LOST", "lostReason", "COMPETITOR",
                "lostTo", "某友商", "lostNote", "对方报价低两成", "version", "99999");
        assertThat(FormHtml.selected(page(id, "zh-CN", rep), "lost-reason-select")).isEqualTo("COMPETITOR");
        assertThat(FormHtml.inputValue(page(id, "en", rep), "lost-note")).as("given back once").isEmpty();

        String comment = "需求匹配，但回款周期长：" + "客户付款审批需经集团三级签字，".repeat(150);
        refused(rep, "/opportunities/" + id + "/evaluations", "opportunity.field.tooLong", "needMatch", "8", "competitiveStrength", "7",
                "paymentRisk", "4", "resourceInvestment", "6", "comment", comment);
        page = page(id, "en", rep);
        assertThat(FormHtml.inputValue(page, "score-needMatch")).isEqualTo("8");
        assertThat(FormHtml.inputValue(page, "score-competitiveStrength")).isEqualTo("7");
        assertThat(FormHtml.inputValue(page, "score-paymentRisk")).isEqualTo("4");
        assertThat(FormHtml.inputValue(page, "score-resourceInvestment")).isEqualTo("6");
        assertThat(FormHtml.inputValue(page, "score-comment")).isEqualTo(comment);
        // a right-to-left override pasted into the rival's name: flashed on the page, everything typed given back
        refused(rep, "/opportunities/" + id + "/stage", "error.input.controlCharacter", "stage", "LOST",
                "lostReason", "COMPETITOR", "lostTo", "某\u202e友商", "lostNote", "价格", "version",
                opportunity.get("version").asString());
        page = page(id, "en", rep);
        assertThat(page).contains("The text contains a control character").doesNotContain("id=\"error-detail\"");
        assertThat(FormHtml.inputValue(page, "lost-to")).isEqualTo("某\u202e友商");
        assertThat(customers.json(customers.get(mvc, token, "/api/v1/opportunities/" + id)).get("stage").asString())
                .as("nothing saved").isNotEqualTo("LOST");
    }

    @Test
    void theMoveFormOffersTheNextStageAndAMoveBackWithoutConfirmingIsRefusedAndChangesNothing() throws Exception {
        var team = sales.team("move-back-page");
        String token = sales.bearer(mvc, team.rep());
        String customer = sales.customerWithContact(team.rep(), "回退阶段有限公司", "吴经理", "wu@example.com");
        String id = sales.opportunity(mvc, token, customer, "回退阶段", "1000").get("id").asString();
        sales.qualify(mvc, team, id);
        sales.move(mvc, token, id, "PROPOSAL");
        JsonNode negotiating = sales.move(mvc, token, id, "NEGOTIATION");
        Cookie rep = customers.session(mvc, team.rep());

        String page = page(id, "en", rep);
        assertThat(FormHtml.selected(page, "move-stage")).as("the natural next stage").isEqualTo("CONTRACT");
        assertThat(page).contains("id=\"move-back-confirm\"");

        String version = negotiating.get("version").asString();
        refused(rep, "/opportunities/" + id + "/stage", "opportunity.stage.backUnconfirmed", "stage", "DISCOVERY",
                "version", version);
        JsonNode after = customers.json(customers.get(mvc, token, "/api/v1/opportunities/" + id));
        assertThat(after.get("stage").asString()).as("nothing changed").isEqualTo("NEGOTIATION");
        assertThat(after.get("version").asString()).isEqualTo(version);

        var confirmed = mvc.post().uri("/opportunities/" + id + "/stage").cookie(rep)
                .with(SecurityMockMvcRequestPostProcessors.csrf()).param("stage", "PROPOSAL")
                .param("backConfirmed", "true").param("version", version).exchange();
        assertThat(confirmed).hasStatus3xxRedirection().flash().containsKey("flashSuccess");
        assertThat(customers.json(customers.get(mvc, token, "/api/v1/opportunities/" + id)).get("stage").asString())
                .as("a confirmed move back is made").isEqualTo("PROPOSAL");
    }

    @Test
    void anActionOnAnOpportunityOfAnotherTeamOrOnNoneIsTheNotFoundPageAsItsPageIsAndChangesNothing() throws Exception {
        var team = sales.team("unseen-page");
        String token = sales.bearer(mvc, team.rep());
        String customer = sales.customerWithContact(team.rep(), "他队商机有限公司", "孙经理", "sun@example.com");
        JsonNode opportunity = sales.opportunity(mvc, token, customer, "他队商机", "1000");
        String id = opportunity.get("id").asString();
        String version = opportunity.get("version").asString();
        Cookie other = customers.session(mvc, team.otherRep());
        Cookie otherManager = customers.session(mvc, team.company().westManager());
        assertThat(mvc.get().uri("/opportunities/" + id).cookie(other).exchange()).as("its page").hasStatus(404);

        for (String path : new String[] {"/opportunities/" + id, "/opportunities/" + java.util.UUID.randomUUID()}) {
            notFound(other, path + "/stage", "stage", "LOST", "lostReason", "COMPETITOR", "version", version);
            notFound(other, path + "/reopen", "version", version);
            notFound(other, path + "/move", "stage", "PROPOSAL", "version", version);
            notFound(other, path + "/forecast-category", "category", "COMMIT", "version", version);
            notFound(other, path + "/evaluations", "needMatch", "8", "competitiveStrength", "8", "paymentRisk", "8",
                    "resourceInvestment", "8", "comment", "可做");
            notFound(other, path + "/invitations", "inviteeId", team.tech().id().toString());
            notFound(otherManager, path + "/owner", "ownerId", team.otherRep().id().toString(), "version", version);
        }
        JsonNode after = customers.json(customers.get(mvc, token, "/api/v1/opportunities/" + id));
        assertThat(after.get("version").asString()).as("nothing changed").isEqualTo(version);
        assertThat(after.get("stage").asString()).isEqualTo(opportunity.get("stage").asString());
        assertThat(after.get("ownerId").asString()).isEqualTo(team.rep().id().toString());
    }

    @Test
    void aForecastCategoryNotOfferedIsRefusedOnThePageAsAnUnreadableValue() throws Exception {
        var team = sales.team("unreadable-page");
        String token = sales.bearer(mvc, team.rep());
        String customer = sales.customerWithContact(team.rep(), "无法识别有限公司", "周经理", "zhou@example.com");
        JsonNode opportunity = sales.opportunity(mvc, token, customer, "无法识别", "1000");
        String id = opportunity.get("id").asString();
        Cookie rep = customers.session(mvc, team.rep());

        refused(rep, "/opportunities/" + id + "/forecast-category", "error.form.unreadable", "category", "CERTAIN",
                "version", opportunity.get("version").asString());
        assertThat(customers.json(customers.get(mvc, token, "/api/v1/opportunities/" + id)).get("version").asString())
                .isEqualTo(opportunity.get("version").asString());
    }

    @Test
    void aRefusedLostReasonComesBackWithWhatTheAdministratorTyped() throws Exception {
        Cookie admin = fixtures.session(mvc, "admin", Fixtures.ADMIN_PASSWORD);
        refused(admin, "/admin/opportunity-lost-reasons", "opportunity.lostReason.code.invalid", "code", "交付慢",
                "labelZh", "交付周期过长", "labelEn", "Delivery too slow", "position", "60", "active", "true");
        String page = mvc.get().uri("/admin/opportunity-lost-reasons?lang=en").cookie(admin).exchange().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(FormHtml.inputValue(page, "new-reason-code")).isEqualTo("交付慢");
        assertThat(FormHtml.inputValue(page, "new-reason-labelZh")).isEqualTo("交付周期过长");
        assertThat(FormHtml.inputValue(page, "new-reason-labelEn")).isEqualTo("Delivery too slow");
        assertThat(FormHtml.inputValue(page, "new-reason-position")).isEqualTo("60");
        assertThat(FormHtml.inputValue(page, "labelEn-PRICE")).as("the rows as they are").isEqualTo("Price too high");

        // a reason's row sends the version it was read at
        String priceVersion = String.valueOf(jdbc.sql("select version from opportunity_lost_reason where code = 'PRICE'")
                .query(Long.class).single());
        refused(admin, "/admin/opportunity-lost-reasons", "opportunity.lostReason.label.required", "code", "PRICE",
                "labelZh", "", "labelEn", "Price above the budget", "position", "10", "active", "true",
                "version", priceVersion);
        page = mvc.get().uri("/admin/opportunity-lost-reasons?lang=en").cookie(admin).exchange().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(FormHtml.inputValue(page, "labelEn-PRICE")).as("the row's edit").isEqualTo("Price above the budget");
        assertThat(FormHtml.inputValue(page, "new-reason-code")).as("not the new reason's").isEmpty();
    }

    private void refused(Cookie session, String path, String why, String... params) {
        var request = mvc.post().uri(path).cookie(session).with(SecurityMockMvcRequestPostProcessors.csrf());
        for (int i = 0; i < params.length; i += 2) {
            request = request.param(params[i], params[i + 1]);
        }
        assertThat(request.exchange()).as(path).hasStatus3xxRedirection().flash().containsEntry("flashError", why);
    }

    private void notFound(Cookie session, String path, String... params) {
        var request = mvc.post().uri(path).cookie(session).with(SecurityMockMvcRequestPostProcessors.csrf());
        for (int i = 0; i < params.length; i += 2) {
            request = request.param(params[i], params[i + 1]);
        }
        var result = request.exchange();
        assertThat(result).as(path).hasStatus(404);
        assertThat(result).as(path + ": no message for the page").flash().isEmpty();
    }

    /**
     * The expected close date has one range, and every refusal of it names that range: a 2999 is not refused as
     * "between 1900-01-01 and 2199-12-31" (the years any date may have) only for the 2150 typed on that advice to be
     * refused again with another — on the API (create and change) and on the form alike.
     */
    @Test
    void anExpectedCloseDateOutsideItsRangeIsRefusedWithThatOneRangeWhateverTheYear() throws Exception {
        clock.set(TestClock.START);
        var team = sales.team("closerange");
        String token = sales.bearer(mvc, team.rep());
        String customer = sales.customerWithContact(team.rep(), "成交日范围有限公司", "孙经理", "sun@closerange.example");
        Cookie rep = customers.session(mvc, team.rep());
        String range = "预计成交日期须在今天（2026-12-01）至 2036-12-01 之间。";
        for (String typed : List.of("2999-01-01", "2150-01-01", "2037-01-01", "1900-01-01", "1800-01-01", "2026-11-30")) {
            MvcTestResult api = mvc.post().uri("/api/v1/opportunities").header(HttpHeaders.AUTHORIZATION, token)
                    .header(HttpHeaders.ACCEPT_LANGUAGE, "zh-CN").contentType(MediaType.APPLICATION_JSON).content("""
                            {"customerId":"%s","name":"成交日范围","amount":1000,"expectedCloseDate":"%s"}"""
                            .formatted(customer, typed)).exchange();
            assertThat(api).as(typed).hasStatus(422);
            JsonNode error = customers.json(api).get("errors").get(0);
            assertThat(error.get("field").asString()).as(typed).isEqualTo("expectedCloseDate");
            assertThat(error.get("message").asString()).as(typed).isEqualTo(range);
            String form = mvc.post().uri("/opportunities?lang=zh-CN").cookie(rep)
                    .with(SecurityMockMvcRequestPostProcessors.csrf()).param("customerId", customer)
                    .param("name", "成交日范围").param("amount", "1000").param("expectedCloseDate", typed).exchange()
                    .getResponse().getContentAsString(StandardCharsets.UTF_8);
            assertThat(form).as(typed).contains(range).doesNotContain("日期须在 1900-01-01 至 2199-12-31 之间");
            assertThat(FormHtml.inputValue(form, "expectedCloseDate")).as(typed).isEqualTo(typed);
        }
        assertThat(jdbc.sql("select count(*) from opportunity_opportunity where name = '成交日范围'")
                .query(Integer.class).single()).as("nothing stored").isZero();
        // the picker offers that range too
        String blank = mvc.get().uri("/opportunities/new?customerId=" + customer).cookie(rep).exchange().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(blank).containsPattern(
                "<input(?=[^>]*id=\"expectedCloseDate\")(?=[^>]*min=\"2026-12-01\")(?=[^>]*max=\"2036-12-01\")[^>]*>");

        JsonNode created = customers.json(SalesTestSupport.expect(customers.post(mvc, token, "/api/v1/opportunities", """
                {"customerId":"%s","name":"成交日范围内","amount":1000,"expectedCloseDate":"2036-12-01"}"""
                .formatted(customer)), 201));
        String id = created.get("id").asString();
        MvcTestResult changed = mvc.put().uri("/api/v1/opportunities/" + id).header(HttpHeaders.AUTHORIZATION, token)
                .header(HttpHeaders.ACCEPT_LANGUAGE, "zh-CN").contentType(MediaType.APPLICATION_JSON)
                .content("{\"expectedCloseDate\":\"2999-01-01\",\"version\":" + created.get("version").asLong() + "}")
                .exchange();
        assertThat(changed).hasStatus(422);
        assertThat(customers.json(changed).at("/errors/0/message").asString()).isEqualTo(range);
        assertThat(customers.json(customers.get(mvc, token, "/api/v1/opportunities/" + id)).get("expectedCloseDate")
                .asString()).isEqualTo("2036-12-01");
    }

    /**
     * An expected close date in the past is refused beside its field on the new opportunity and when changed to one,
     * on the form and over the API alike; a date that passed while the opportunity stayed open, left as it is, saves.
     */
    @Test
    void aPastExpectedCloseDateIsRefusedBesideItsFieldAndAnOverdueOneLeftAsItIsStillSaves() throws Exception {
        clock.set(TestClock.START);
        var team = sales.team("pastclose");
        String token = sales.bearer(mvc, team.rep());
        String customer = sales.customerWithContact(team.rep(), "过期成交日有限公司", "钱经理", "qian@pastclose.example");
        Cookie rep = customers.session(mvc, team.rep());
        long numbered = lastOpportunityNumber();
        String refused = mvc.post().uri("/opportunities?lang=en").cookie(rep).with(SecurityMockMvcRequestPostProcessors.csrf())
                .param("customerId", customer).param("name", "过期成交").param("amount", "1000")
                .param("expectedCloseDate", "2000-01-01").exchange().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(refused).contains("The expected close date must lie between today (2026-12-01) and 2036-12-01.")
                .doesNotContain("id=\"error-detail\"");
        assertThat(FormHtml.inputValue(refused, "expectedCloseDate")).isEqualTo("2000-01-01");
        assertThat(FormHtml.inputValue(refused, "name")).isEqualTo("过期成交");
        SalesTestSupport.expect(customers.post(mvc, token, "/api/v1/opportunities", """
                {"customerId":"%s","name":"过期成交","amount":1000,"expectedCloseDate":"2026-11-30"}"""
                .formatted(customer)), 422);

        JsonNode created = customers.json(SalesTestSupport.expect(customers.post(mvc, token, "/api/v1/opportunities", """
                {"customerId":"%s","name":"过期成交","amount":1000,"expectedCloseDate":"2026-12-31"}"""
                .formatted(customer)), 201));
        // the refused ones took no number: this one has the number after the last given before them
        assertThat(created.get("code").asString()).as("no gap left by the refusals")
                .isEqualTo("O-2026-%06d".formatted(numbered + 1));
        String id = created.get("id").asString();
        long version = created.get("version").asLong();
        // 2027-01-10: the expected day passed with the opportunity still open (the class's later tests run at START)
        clock.set(TestClock.START.plus(java.time.Duration.ofDays(40)));
        try {
            String later = sales.bearer(mvc, team.rep());
            Cookie laterRep = customers.session(mvc, team.rep());
            assertThat(mvc.post().uri("/opportunities/" + id).cookie(laterRep).with(SecurityMockMvcRequestPostProcessors.csrf())
                    .param("name", "过期成交（改）").param("amount", "1000").param("expectedCloseDate", "2026-12-31")
                    .param("version", String.valueOf(version)).exchange()).as("the overdue date left as it is")
                    .hasStatus3xxRedirection();
            version++;
            String moved = mvc.post().uri("/opportunities/" + id + "?lang=en").cookie(laterRep)
                    .with(SecurityMockMvcRequestPostProcessors.csrf()).param("name", "过期成交（改）").param("amount", "1000")
                    .param("expectedCloseDate", "2027-01-09").param("version", String.valueOf(version)).exchange()
                    .getResponse().getContentAsString(StandardCharsets.UTF_8);
            assertThat(moved).contains("The expected close date must lie between today (2027-01-10) and 2037-01-10.");
            assertThat(FormHtml.inputValue(moved, "expectedCloseDate")).isEqualTo("2027-01-09");
            SalesTestSupport.expect(customers.put(mvc, later, "/api/v1/opportunities/" + id,
                    "{\"expectedCloseDate\":\"2027-01-09\",\"version\":" + version + "}"), 422);
            JsonNode stored = customers.json(customers.get(mvc, later, "/api/v1/opportunities/" + id));
            assertThat(stored.get("expectedCloseDate").asString()).isEqualTo("2026-12-31");
            assertThat(stored.get("name").asString()).isEqualTo("过期成交（改）");
            SalesTestSupport.expect(customers.put(mvc, later, "/api/v1/opportunities/" + id,
                    "{\"expectedCloseDate\":\"2027-01-10\",\"version\":" + version + "}"), 200);
        } finally {
            clock.set(TestClock.START);
        }
    }

    /** Invites on the page and follows the redirect, as the browser does: the page shows the flash message. */
    private String inviteAndShow(String id, String lang, Cookie session, java.util.UUID invitee) throws Exception {
        var invited = mvc.post().uri("/opportunities/" + id + "/invitations").cookie(session)
                .with(SecurityMockMvcRequestPostProcessors.csrf()).param("inviteeId", invitee.toString()).exchange();
        assertThat(invited).hasStatus3xxRedirection().flash().containsEntry("flashSuccess", "opportunity.invite.sent");
        return mvc.get().uri(invited.getResponse().getRedirectedUrl() + "?lang=" + lang).cookie(session)
                .flashAttrs(invited.getMvcResult().getFlashMap()).exchange().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    private String page(String id, String lang, Cookie session) throws Exception {
        return mvc.get().uri("/opportunities/" + id + "?lang=" + lang).cookie(session).exchange().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    /** The last number the opportunities' sequence gave (0 before the first). */
    private long lastOpportunityNumber() {
        return jdbc.sql("select case when is_called then last_value else last_value - 1 end from opportunity_code_seq")
                .query(Long.class).single();
    }
}
