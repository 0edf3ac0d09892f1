package com.lead2cash.lead;

import static org.assertj.core.api.Assertions.assertThat;

import com.lead2cash.platform.Role;
import com.lead2cash.platform.internal.identity.User;
import com.lead2cash.testing.Fixtures;
import com.lead2cash.testing.IntegrationTest;
import com.lead2cash.testing.LeadTestSupport;
import jakarta.servlet.http.Cookie;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import tools.jackson.databind.JsonNode;

/**
 * A lead's region is an administrative division (行政区划): routed by the division that covers it, kept as
 * entered and flagged when it names none — over the API, on the screens and in an import.
 */
@IntegrationTest
class LeadRegionTest {

    @Autowired MockMvcTester mvc;
    @Autowired LeadTestSupport support;
    @Autowired Fixtures fixtures;
    @Autowired JdbcClient jdbc;

    String admin;
    String marketing;
    User manager;

    @BeforeEach
    void people() {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        UUID unit = fixtures.unit("浙江 " + tag);
        manager = fixtures.user("zm." + tag, unit, LocalDate.of(2019, 1, 1), Role.REGIONAL_MANAGER);
        fixtures.appointManager(unit, manager.id());
        marketing = support.bearer(mvc, fixtures.user("mkt." + tag, fixtures.rootUnit(), LocalDate.of(2022, 1, 1),
                Role.MARKETING).username());
        admin = support.bearer(mvc, "admin");
    }

    private User rep(String name) {
        return fixtures.user(name + "." + UUID.randomUUID().toString().substring(0, 6), manager.orgUnitId(),
                LocalDate.of(2020, 1, 1), Role.SALES_REP);
    }

    private JsonNode territory(String name, String regions, User rep) {
        var result = support.post(mvc, admin, "/api/v1/lead-territories", """
                {"name":"%s","regions":[%s],"managerId":"%s","repIds":["%s"]}
                """.formatted(name, regions, manager.id(), rep.id()));
        assertThat(result).hasStatus(HttpStatus.CREATED);
        return support.json(result);
    }

    private JsonNode capture(String company, String region) {
        var result = support.post(mvc, marketing, "/api/v1/leads", """
                {"companyName":"%s","contactName":"李工","industry":"餐饮业","region":"%s","source":"REFERRAL",
                 "budget":200000,"purchaseDate":"%s","decisionMakerKnown":false}
                """.formatted(company, region, support.today().plusDays(30)));
        assertThat(result).hasStatus(HttpStatus.CREATED);
        return support.json(result);
    }

    @Test
    void L5_aZhejiangTerritoryTakesALeadFromHangzhouAndAHangzhouTerritoryWinsOverIt() {
        User zhejiangRep = rep("zj");
        JsonNode zhejiang = territory("浙江区域", "\"浙江\"", zhejiangRep);
        assertThat(zhejiang.get("regionCodes").get(0).asString()).isEqualTo("330000");
        assertThat(zhejiang.get("regions").get(0).asString()).isEqualTo("浙江省");

        JsonNode fromHangzhou = capture("杭州甲餐饮", "浙江省杭州市");
        assertThat(fromHangzhou.get("status").asString()).isEqualTo("ASSIGNED");
        assertThat(fromHangzhou.get("ownerId").asString()).isEqualTo(zhejiangRep.id().toString());
        assertThat(fromHangzhou.get("territoryId").asString()).isEqualTo(zhejiang.get("id").asString());
        assertThat(fromHangzhou.get("region").asString()).isEqualTo("浙江省杭州市");
        assertThat(fromHangzhou.get("regionCode").asString()).isEqualTo("330100");
        assertThat(fromHangzhou.get("regionName").asString()).isEqualTo("浙江省杭州市");
        assertThat(fromHangzhou.get("regionResolved").asBoolean()).isTrue();

        User hangzhouRep = rep("hz");
        JsonNode hangzhou = territory("杭州区域", "\"330100\"", hangzhouRep);
        JsonNode fromXihu = capture("西湖乙餐饮", "杭州市西湖区");
        assertThat(fromXihu.get("ownerId").asString()).as("the city's territory wins over the province's")
                .isEqualTo(hangzhouRep.id().toString());
        assertThat(fromXihu.get("territoryId").asString()).isEqualTo(hangzhou.get("id").asString());
        assertThat(fromXihu.get("regionCode").asString()).isEqualTo("330106");

        JsonNode fromNingbo = capture("宁波丙餐饮", "宁波");
        assertThat(fromNingbo.get("ownerId").asString()).as("宁波 stays 浙江's").isEqualTo(zhejiangRep.id().toString());
    }

    @Test
    void aRegionThatNamesNoDivisionIsKeptAsEnteredAndFlaggedOnTheApiAndTheScreens() throws Exception {
        JsonNode lead = capture("火星丁公司", "火星基地");
        assertThat(lead.get("region").asString()).isEqualTo("火星基地");
        assertThat(lead.get("regionCode").isNull()).isTrue();
        assertThat(lead.get("regionName").isNull()).isTrue();
        assertThat(lead.get("regionResolved").asBoolean()).isFalse();
        assertThat(lead.get("status").asString()).as("not refused, and routed as far as it can be")
                .isIn("SCREENED", "NEW");

        JsonNode row = support.getJson(mvc, marketing, "/api/v1/leads?q=火星丁").get("items").get(0);
        assertThat(row.get("region").asString()).isEqualTo("火星基地");
        assertThat(row.get("regionResolved").asBoolean()).isFalse();
        assertThat(row.get("regionCode").isNull()).isTrue();

        JsonNode ambiguous = capture("西湖戊公司", "西湖区");
        assertThat(ambiguous.get("regionResolved").asBoolean()).isFalse();
        JsonNode none = capture("无区域公司", "");
        assertThat(none.get("region").isNull()).isTrue();
        assertThat(none.get("regionResolved").isNull()).as("no region is not an unresolved one").isTrue();

        Cookie session = fixtures.session(mvc, "admin", Fixtures.ADMIN_PASSWORD);
        String list = page(session, "/leads?q=火星丁&lang=zh-CN");
        assertThat(list).contains("火星基地").contains("region-unresolved").contains("未识别");
        String detail = page(session, "/leads/" + ambiguous.get("id").asString() + "?lang=zh-CN");
        assertThat(detail).contains("id=\"region-warning\"").contains("地区“西湖区”不是可识别的行政区划")
                .contains("浙江省杭州市西湖区、江西省南昌市西湖区");
        String english = page(session, "/leads/" + lead.get("id").asString() + "?lang=en");
        assertThat(english).contains("The region &quot;火星基地&quot; names no administrative division we know");
        String resolved = page(session, "/leads/" + capture("西湖己公司", "杭州西湖").get("id").asString() + "?lang=zh-CN");
        assertThat(resolved).contains("浙江省杭州市西湖区").contains("（原文“杭州西湖”）").doesNotContain("region-warning");
    }

    @Test
    void aRegionGivenAsACodeKeepsTheDivisionsNameAndAnEditThatKeepsTheDivisionKeepsTheWords() {
        JsonNode byCode = capture("代码甲公司", "330106");
        assertThat(byCode.get("region").asString()).isEqualTo("浙江省杭州市西湖区");
        assertThat(byCode.get("regionCode").asString()).isEqualTo("330106");

        JsonNode typed = capture("原文乙公司", "杭州西湖");
        String id = typed.get("id").asString();
        String correction = """
                {"companyName":"原文乙公司","contactName":"李工","industry":"餐饮业","region":"%s","source":"REFERRAL",
                 "budget":200000,"purchaseDate":"%s","decisionMakerKnown":false,"version":%d}
                """;
        JsonNode same = support.json(mvc.put().uri("/api/v1/leads/" + id).header(HttpHeaders.AUTHORIZATION, admin)
                .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                .content(correction.formatted("330106", support.today().plusDays(30), typed.get("version").asLong()))
                .exchange());
        assertThat(same.get("region").asString()).as("the same division: the words stay").isEqualTo("杭州西湖");
        assertThat(same.get("regionCode").asString()).isEqualTo("330106");

        JsonNode moved = support.json(mvc.put().uri("/api/v1/leads/" + id).header(HttpHeaders.AUTHORIZATION, admin)
                .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                .content(correction.formatted("南昌西湖区", support.today().plusDays(30), same.get("version").asLong()))
                .exchange());
        assertThat(moved.get("region").asString()).isEqualTo("南昌西湖区");
        assertThat(moved.get("regionCode").asString()).isEqualTo("360103");
    }

    @Test
    void aTerritoryTakesOnlyRegionsThatNameExactlyOneDivision() throws Exception {
        User someone = rep("any");
        var ambiguous = support.post(mvc, admin, "/api/v1/lead-territories", """
                {"name":"西湖","regions":["西湖区"],"managerId":"%s","repIds":["%s"]}
                """.formatted(manager.id(), someone.id()));
        assertThat(ambiguous).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT);
        assertThat(ambiguous.getResponse().getContentAsString(StandardCharsets.UTF_8))
                .contains("regions").contains("浙江省杭州市西湖区");
        var widened = support.post(mvc, admin, "/api/v1/lead-territories", """
                {"name":"桥西","regions":["桥西区"],"managerId":"%s","repIds":["%s"]}
                """.formatted(manager.id(), someone.id()));
        assertThat(widened).as("a territory never widens 桥西区 to 河北省").hasStatus(HttpStatus.UNPROCESSABLE_CONTENT);
        assertThat(support.post(mvc, admin, "/api/v1/lead-territories", """
                {"name":"火星","regions":["火星"],"managerId":"%s","repIds":["%s"]}
                """.formatted(manager.id(), someone.id()))).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT);
        assertThat(jdbc.sql("select count(*) from lead_territory where name in ('西湖', '桥西', '火星')")
                .query(Integer.class).single()).isZero();

        JsonNode ok = territory("两地", "\"深圳南山区\", \"440000\"", someone);
        assertThat(ok.get("regionCodes").valueStream().map(JsonNode::asString).toList())
                .containsExactly("440305", "440000");
        assertThat(ok.get("regions").valueStream().map(JsonNode::asString).toList())
                .containsExactly("广东省深圳市南山区", "广东省");
        assertThat(ok.get("unresolvedRegions")).isEmpty();
    }

    @Test
    void theTerritoryScreenNamesItsDivisionsFlagsOldTextAndItsPickerPostsCodes() throws Exception {
        User someone = rep("screen");
        Cookie session = fixtures.session(mvc, "admin", Fixtures.ADMIN_PASSWORD);
        var saved = mvc.post().uri("/leads/territories").cookie(session)
                .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
                .param("name", "界面区域").param("regions", "330000", "440305").param("managerId", manager.id().toString())
                .param("repIds", someone.id().toString()).exchange();
        assertThat(saved).hasStatus3xxRedirection();
        String id = jdbc.sql("select id::text from lead_territory where name = '界面区域'").query(String.class).single();
        assertThat(jdbc.sql("select regions from lead_territory where id = cast(:id as uuid)").param("id", id)
                .query(String.class).single()).isEqualTo("330000,440305");
        // text kept from before regions were divisions
        jdbc.sql("update lead_territory set regions = regions || ',华东片区' where id = cast(:id as uuid)").param("id", id)
                .update();

        for (String lang : new String[] {"zh-CN", "en"}) {
            String html = page(session, "/leads/territories?edit=" + id + "&lang=" + lang);
            assertThat(html).as(lang).contains("浙江省").contains("广东省深圳市南山区").contains("华东片区 ⚠")
                    .containsPattern("name=\"regions\"\\s+value=\"330000\"")
                    .containsPattern("name=\"regions\"\\s+value=\"华东片区\"")
                    .doesNotContain("??");
        }
        // an edit posted without the version its form was read at is refused, nothing saved over a newer change
        String before = territoryVersion(id);
        for (String[] version : new String[][] {{""}, {}}) {
            var request = mvc.post().uri("/leads/territories").cookie(session)
                    .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
                    .param("id", id).param("name", "界面区域改").param("regions", "330000")
                    .param("managerId", manager.id().toString());
            if (version.length > 0) {
                request = request.param("version", version[0]);
            }
            assertThat(request.exchange()).as(String.join("=", version)).hasStatus(428).hasViewName("error");
        }
        assertThat(jdbc.sql("select name || '|' || regions from lead_territory where id = cast(:id as uuid)")
                .param("id", id).query(String.class).single()).isEqualTo("界面区域|330000,440305,华东片区");
        assertThat(territoryVersion(id)).isEqualTo(before);
        // saving keeps the old text it already had, but takes no new text that names no division
        var again = mvc.post().uri("/leads/territories").cookie(session)
                .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
                .param("id", id).param("version", territoryVersion(id)).param("name", "界面区域").param("regions", "330000", "华东片区", "330100")
                .param("managerId", manager.id().toString()).param("repIds", someone.id().toString()).exchange();
        assertThat(again).hasStatus3xxRedirection();
        assertThat(jdbc.sql("select regions from lead_territory where id = cast(:id as uuid)").param("id", id)
                .query(String.class).single()).isEqualTo("330000,华东片区,330100");
        var refused = mvc.post().uri("/leads/territories").cookie(session)
                .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
                .param("id", id).param("version", territoryVersion(id)).param("name", "界面区域").param("regions", "330000", "华南片区")
                .param("managerId", manager.id().toString()).exchange();
        assertThat(refused).flash().containsEntry("flashError", "territory.region.unknown");
        assertThat(jdbc.sql("select regions from lead_territory where id = cast(:id as uuid)").param("id", id)
                .query(String.class).single()).isEqualTo("330000,华东片区,330100");
        // the same territory's form comes back (not "Add", whose save would make a second one) with what was typed
        assertThat(refused).hasRedirectedUrl("/leads/territories?edit=" + id);
        String back = mvc.get().uri("/leads/territories?edit=" + id + "&lang=en").cookie(session)
                .flashAttrs(refused.getMvcResult().getFlashMap()).exchange().getResponse().getContentAsString();
        assertThat(back).contains("name=\"id\" value=\"" + id + "\"")
                .containsPattern("name=\"regions\"\\s+value=\"华南片区\"")
                .doesNotContainPattern("name=\"regions\"\\s+value=\"330100\"");
        var taken = mvc.post().uri("/leads/territories").cookie(session)
                .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
                .param("name", "界面区域").param("industries", "纺织").param("productLines", "MES")
                .param("regions", "440305").param("managerId", manager.id().toString())
                .param("repIds", someone.id().toString()).exchange();
        assertThat(taken).flash().containsEntry("flashError", "territory.name.taken");
        assertThat(taken).hasRedirectedUrl("/leads/territories");
        String add = mvc.get().uri("/leads/territories?lang=en").cookie(session)
                .flashAttrs(taken.getMvcResult().getFlashMap()).exchange().getResponse().getContentAsString();
        assertThat(add).doesNotContain("name=\"id\"").contains("value=\"纺织\"", "value=\"MES\"")
                .containsPattern("name=\"regions\"\\s+value=\"440305\"")
                .containsPattern("value=\"" + someone.id() + "\"\\s+selected");
        // a control character in the industries: flashed on the same form with what was typed, not the error page
        var control = mvc.post().uri("/leads/territories").cookie(session)
                .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
                .param("id", id).param("version", territoryVersion(id)).param("name", "界面区域").param("industries", "纺\u202e织").param("regions", "330000")
                .param("managerId", manager.id().toString()).exchange();
        assertThat(control).flash().containsEntry("flashError", "error.input.controlCharacter");
        assertThat(control).hasRedirectedUrl("/leads/territories?edit=" + id);
        String shown = mvc.get().uri("/leads/territories?edit=" + id + "&lang=en").cookie(session)
                .flashAttrs(control.getMvcResult().getFlashMap()).exchange().getResponse().getContentAsString();
        assertThat(shown).contains("value=\"纺\u202e织\"").doesNotContain("id=\"error-detail\"");
        assertThat(jdbc.sql("select regions from lead_territory where id = cast(:id as uuid)").param("id", id)
                .query(String.class).single()).as("nothing saved").isEqualTo("330000,华东片区,330100");
    }

    @Test
    void anImportResolvesRegionsAndImportsTheRowsItCannotResolveWithAWarning() throws Exception {
        String csv = "公司名称*,来源渠道*,行业,区域\r\n"
                + "导入甲公司,展会,制造业,浙江省杭州市\r\n"
                + "导入乙公司,展会,制造业,火星基地\r\n"
                + "导入丙公司,展会,制造业,\r\n";
        var started = mvc.post().uri("/api/v1/leads/imports").multipart()
                .file(new MockMultipartFile("file", "regions.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)))
                .param("mode", "ALL_OR_NOTHING").header(HttpHeaders.AUTHORIZATION, admin)
                .header(HttpHeaders.ACCEPT_LANGUAGE, "zh-CN").exchange();
        assertThat(started).hasStatus(HttpStatus.ACCEPTED);
        String id = support.json(started).get("id").asString();
        JsonNode status = support.finishedImport(mvc, admin, id, Duration.ofSeconds(60), Duration.ofMillis(100));

        assertThat(status.get("state").asString()).as("a warning is not a refusal").isEqualTo("DONE");
        assertThat(status.get("imported").asInt()).isEqualTo(3);
        assertThat(status.get("errors")).isEmpty();
        assertThat(status.get("warnings")).hasSize(1);
        assertThat(status.get("warnings").get(0).get("line").asInt()).isEqualTo(3);
        assertThat(status.get("warnings").get(0).get("field").asString()).isEqualTo("region");
        assertThat(jdbc.sql("select company_name || ':' || coalesce(region, '-') || ':' || coalesce(region_code, '-') "
                        + "from lead_lead where company_name like '导入%' order by company_name")
                .query(String.class).list())
                .containsExactlyInAnyOrder("导入甲公司:浙江省杭州市:330100", "导入乙公司:火星基地:-", "导入丙公司:-:-");

        Cookie session = fixtures.session(mvc, "admin", Fixtures.ADMIN_PASSWORD);
        assertThat(page(session, "/leads/imports/" + id + "?lang=zh-CN")).contains("id=\"import-warnings\"")
                .contains("地区“火星基地”不是可识别的行政区划，已按原文导入并标记。");
    }

    private String page(Cookie session, String uri) throws Exception {
        var result = mvc.get().uri(uri).cookie(session).exchange();
        assertThat(result).as(uri).hasStatusOk();
        return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    private String territoryVersion(String id) {
        return jdbc.sql("select version::text from lead_territory where id = cast(:id as uuid)").param("id", id)
                .query(String.class).single();
    }
}
