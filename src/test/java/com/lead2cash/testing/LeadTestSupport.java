package com.lead2cash.testing;

import com.lead2cash.platform.Role;
import com.lead2cash.platform.internal.identity.User;
import com.lead2cash.region.Region;
import com.lead2cash.region.Regions;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.JsonNode;

/**
 * A small sales company for lead tests: an East region with a manager, a senior and a junior rep, a
 * West region with a manager and a rep, and the territories that route to them. Each company of a test
 * class gets its own cities (administrative divisions), so companies never share reps.
 */
@Component
public class LeadTestSupport {

    /**
     * {@code region} is the East territory's city (江苏省南京市 …), {@code westRegion} the West one's (四川省成都市 …),
     * unique per company so that companies never share reps; {@code tag} ends the territories' names;
     * {@code today} is the product's today (the injected clock, in the company's zone).
     */
    public record Company(UUID east, UUID west, User eastManager, User senior, User junior, User westManager,
                          User westRep, User director, User marketing, UUID eastTerritory, String region,
                          String westRegion, String tag, LocalDate today) {

        public String gradeALead(String company, String phone) {
            return LeadTestSupport.gradeALead(company, phone, today.plusDays(30))
                    .replace("\"上海\"", "\"" + region + "\"");
        }

        public String gradeBLead(String company, String phone) {
            return LeadTestSupport.gradeBLead(company, phone, today.plusDays(30))
                    .replace("\"上海\"", "\"" + region + "\"");
        }
    }

    // each test of a class makes its own company in the class's one database: its territories' cities must not be
    // another company's (territories on the same city pool their reps, L5, and a lead would go to the other company's
    // rep), so each company takes the first pair of cities no territory of the data names yet, and there are more
    // pairs than any class has tests (at most 27 today)
    private static final List<String> EAST_CITIES = List.of("江苏省南京市", "江苏省无锡市", "江苏省徐州市", "江苏省常州市",
            "江苏省苏州市", "江苏省南通市", "江苏省连云港市", "江苏省淮安市", "江苏省盐城市", "江苏省扬州市", "江苏省镇江市",
            "江苏省泰州市", "江苏省宿迁市", "安徽省合肥市", "安徽省芜湖市", "安徽省淮南市", "安徽省马鞍山市", "安徽省淮北市",
            "安徽省铜陵市", "安徽省安庆市", "安徽省黄山市", "安徽省滁州市", "安徽省阜阳市", "安徽省六安市", "安徽省亳州市",
            "安徽省池州市", "山东省济南市", "山东省青岛市", "山东省淄博市", "山东省枣庄市", "山东省东营市", "山东省烟台市",
            "山东省潍坊市", "山东省济宁市", "山东省泰安市", "山东省威海市");
    private static final List<String> WEST_CITIES = List.of("四川省成都市", "四川省自贡市", "四川省攀枝花市", "四川省泸州市",
            "四川省德阳市", "四川省绵阳市", "四川省广元市", "四川省遂宁市", "四川省内江市", "四川省乐山市", "四川省南充市",
            "四川省眉山市", "四川省宜宾市", "四川省广安市", "四川省达州市", "四川省雅安市", "四川省巴中市", "四川省资阳市",
            "贵州省贵阳市", "贵州省遵义市", "贵州省安顺市", "贵州省六盘水市", "云南省昆明市", "云南省曲靖市", "云南省玉溪市",
            "云南省保山市", "甘肃省兰州市", "甘肃省嘉峪关市", "甘肃省金昌市", "甘肃省白银市", "甘肃省天水市", "甘肃省武威市",
            "甘肃省张掖市", "甘肃省平凉市", "甘肃省酒泉市", "甘肃省庆阳市");

    private final Fixtures fixtures;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final ZoneId zone;
    private final Regions regions;

    LeadTestSupport(Fixtures fixtures, JdbcClient jdbc, Clock clock, @Value("${l2c.zone}") ZoneId zone, Regions regions) {
        this.fixtures = fixtures;
        this.jdbc = jdbc;
        this.clock = clock;
        this.zone = zone;
        this.regions = regions;
    }

    /** The product's today: the injected clock's date in the company's zone. */
    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), zone);
    }

    /** Builds the company; {@code tag} keeps usernames unique when a class builds several. */
    public Company company(MockMvcTester mvc, String tag) {
        UUID east = fixtures.unit("East " + tag);
        UUID west = fixtures.unit("West " + tag);
        LocalDate today = today();
        User eastManager = fixtures.user("em." + tag, east, today.minusYears(5), Role.REGIONAL_MANAGER);
        User senior = fixtures.user("senior." + tag, east, today.minusMonths(30), Role.SALES_REP);
        User junior = fixtures.user("junior." + tag, east, today.minusMonths(3), Role.SALES_REP);
        User westManager = fixtures.user("wm." + tag, west, today.minusYears(4), Role.REGIONAL_MANAGER);
        User westRep = fixtures.user("west." + tag, west, today.minusMonths(20), Role.SALES_REP);
        User director = fixtures.user("dir." + tag, fixtures.rootUnit(), today.minusYears(8), Role.SALES_DIRECTOR);
        User marketing = fixtures.user("mkt." + tag, fixtures.rootUnit(), today.minusYears(2), Role.MARKETING);
        fixtures.appointManager(east, eastManager.id());
        fixtures.appointManager(west, westManager.id());
        int n = freeCities();
        String eastCity = EAST_CITIES.get(n);
        String westCity = WEST_CITIES.get(n);
        String admin = bearer(mvc, "admin");
        JsonNode eastTerritory = fixtures.json(mvc.post().uri("/api/v1/lead-territories").header(HttpHeaders.AUTHORIZATION, admin)
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"name":"East %s","regions":["%s"],"managerId":"%s","repIds":["%s","%s"]}
                        """.formatted(tag, eastCity, eastManager.id(), senior.id(), junior.id())));
        mvc.post().uri("/api/v1/lead-territories").header(HttpHeaders.AUTHORIZATION, admin)
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"name":"West %s","regions":["%s"],"managerId":"%s","repIds":["%s"]}
                        """.formatted(tag, westCity, westManager.id(), westRep.id())).exchange();
        return new Company(east, west, eastManager, senior, junior, westManager, westRep, director, marketing,
                UUID.fromString(eastTerritory.get("id").asString()), eastCity, westCity, tag, today);
    }

    /** The first pair of cities neither of which a territory of the data names; refused when none is left. */
    private int freeCities() {
        Set<String> taken = jdbc.sql("select regions from lead_territory where regions is not null").query(String.class)
                .list().stream().flatMap(r -> Arrays.stream(r.split(","))).map(String::strip).collect(Collectors.toSet());
        for (int n = 0; n < EAST_CITIES.size(); n++) {
            if (!taken.contains(code(EAST_CITIES.get(n))) && !taken.contains(code(WEST_CITIES.get(n)))) {
                return n;
            }
        }
        throw new IllegalStateException("every city pair of LeadTestSupport has a territory: add cities for more companies");
    }

    private String code(String city) {
        return regions.resolve(city).map(Region::code).filter(code -> code != null)
                .orElseThrow(() -> new IllegalStateException(city + " names no division"));
    }

    public String bearer(MockMvcTester mvc, String username) {
        return "Bearer " + fixtures.token(mvc, username);
    }

    /** A lead body; grade A in Shanghai with the defaults (industry, budget, urgency, decision maker). */
    public static String gradeALead(String company, String phone, LocalDate purchaseDate) {
        return """
                {"companyName":"%s","contactName":"王经理","contactTitle":"采购总监","phone":"%s",
                 "industry":"制造业","region":"上海","productLine":"CRM","source":"TRADE_SHOW",
                 "budget":500000,"purchaseDate":"%s","decisionMakerKnown":true}
                """.formatted(company, phone, purchaseDate);
    }

    public static String gradeBLead(String company, String phone, LocalDate purchaseDate) {
        return """
                {"companyName":"%s","contactName":"李工","phone":"%s","industry":"餐饮业","region":"上海",
                 "source":"REFERRAL","budget":200000,"purchaseDate":"%s","decisionMakerKnown":false}
                """.formatted(company, phone, purchaseDate);
    }

    public MvcTestResult post(MockMvcTester mvc, String token, String uri, String body) {
        return mvc.post().uri(uri).header(HttpHeaders.AUTHORIZATION, token).contentType(MediaType.APPLICATION_JSON)
                .content(body).exchange();
    }

    public JsonNode json(MvcTestResult result) {
        return fixtures.mapper().readTree(result.getResponse().getContentAsByteArray());
    }

    public JsonNode postJson(MockMvcTester mvc, String token, String uri, String body) {
        return fixtures.mapper().readTree(post(mvc, token, uri, body).getResponse().getContentAsByteArray());
    }

    public JsonNode getJson(MockMvcTester mvc, String token, String uri) {
        return fixtures.mapper().readTree(mvc.get().uri(uri).header(HttpHeaders.AUTHORIZATION, token).exchange()
                .getResponse().getContentAsByteArray());
    }

    /**
     * Polls a lead import's status until it is no longer under way (receiving, queued or running: the states
     * {@code LeadImports.State.underWay} names) and answers it.
     */
    public JsonNode finishedImport(MockMvcTester mvc, String bearer, String id, Duration atMost, Duration poll) {
        return Awaitility.await().atMost(atMost).pollInterval(poll)
                .until(() -> getJson(mvc, bearer, "/api/v1/leads/imports/" + id),
                        s -> !List.of("RECEIVING", "QUEUED", "RUNNING").contains(s.get("state").asString()));
    }

    /** Deadlines the SOP engine holds for a lead, as (rule, state) pairs. */
    public List<String> deadlines(UUID leadId) {
        return jdbc.sql("select rule_id || ':' || state from sop_deadline where subject_type = 'Lead' and subject_id = :id order by started_at, rule_id")
                .param("id", leadId.toString()).query(String.class).list();
    }

    /** Kinds of the notifications a person has in the inbox. */
    public List<String> inbox(UUID userId) {
        return jdbc.sql("select kind from notification_message where recipient_id = :u order by created_at")
                .param("u", userId).query(String.class).list();
    }
}
