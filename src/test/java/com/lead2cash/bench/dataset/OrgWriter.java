package com.lead2cash.bench.dataset;

import com.lead2cash.bench.dataset.BenchOrg.Member;
import com.lead2cash.bench.dataset.BenchOrg.Region;
import com.lead2cash.bench.dataset.BenchOrg.Team;
import com.lead2cash.platform.Role;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Builds the benchmark's organisation from the seed and writes it: org units with their materialised
 * paths, users with roles, hire dates and one shared password, a bearer token per user, the team
 * territories and web-to-lead keys. Tokens and keys are derived from the seed so the load driver
 * knows them without asking the product.
 */
public final class OrgWriter {

    public static final String PASSWORD = "Bench-Pass-2026";
    public static final int TEAMS_PER_REGION = 5;
    public static final int REPS_PER_TEAM = 10;
    public static final int API_KEYS = 8;

    private static final String[] REGION_NAMES = {"华东大区", "华南大区", "华北大区", "西部大区"};
    private static final List<List<String>> REGION_PROVINCES = List.of(
            List.of("上海", "江苏", "浙江", "安徽", "福建", "江西", "山东"),
            List.of("广东", "广西", "海南", "湖南", "湖北", "河南"),
            List.of("北京", "天津", "河北", "山西", "内蒙古", "辽宁", "吉林", "黑龙江"),
            List.of("重庆", "四川", "贵州", "云南", "西藏", "陕西", "甘肃", "青海", "宁夏", "新疆"));
    private static final String[] TEAM_NUMBERS = {"一", "二", "三", "四", "五"};

    private OrgWriter() {
    }

    /** The organisation of this seed; {@code today} dates the hire dates. */
    public static BenchOrg plan(long seed, LocalDate today) {
        SplittableRandom random = new SplittableRandom(seed ^ 0x0_5EED_0_0A6L);
        Instant created = today.minusYears(4).atStartOfDay().toInstant(java.time.ZoneOffset.UTC);
        int[] counter = {0};
        UUID salesUnit = BenchIds.uuid7(created, random);
        Member director = member(random, created, "bench.director", salesUnit, today.minusYears(9), Role.SALES_DIRECTOR,
                seed, counter);
        List<Member> marketing = List.of(
                member(random, created, "bench.mkt1", salesUnit, today.minusYears(3), Role.MARKETING, seed, counter),
                member(random, created, "bench.mkt2", salesUnit, today.minusMonths(20), Role.MARKETING, seed, counter));
        Member assistant = member(random, created, "bench.assistant", salesUnit, today.minusYears(2),
                Role.SALES_ASSISTANT, seed, counter);
        List<Region> regions = new ArrayList<>();
        int rep = 0;
        for (int r = 0; r < REGION_NAMES.length; r++) {
            UUID regionUnit = BenchIds.uuid7(created, random);
            Member regionManager = member(random, created, "bench.rm" + (r + 1), regionUnit,
                    today.minusMonths(60 + random.nextInt(60)), Role.REGIONAL_MANAGER, seed, counter);
            List<Team> teams = new ArrayList<>();
            for (int t = 0; t < TEAMS_PER_REGION; t++) {
                UUID teamUnit = BenchIds.uuid7(created, random);
                int teamNo = r * TEAMS_PER_REGION + t + 1;
                Member manager = member(random, created, "bench.mgr%02d".formatted(teamNo), teamUnit,
                        today.minusMonths(36 + random.nextInt(60)), Role.SALES_MANAGER, seed, counter);
                List<Member> reps = new ArrayList<>();
                for (int i = 0; i < REPS_PER_TEAM; i++) {
                    rep++;
                    // seniority from a few weeks to eight years; about a third not yet senior for A leads
                    int months = i < 3 ? 1 + random.nextInt(12) : 13 + random.nextInt(84);
                    reps.add(member(random, created, "bench.rep%03d".formatted(rep), teamUnit,
                            today.minusMonths(months).minusDays(random.nextInt(28)), Role.SALES_REP, seed, counter));
                }
                List<String> industries = ChineseData.INDUSTRIES.subList(t * 4, t * 4 + 4);
                teams.add(new Team(teamUnit, REGION_NAMES[r].replace("大区", "") + TEAM_NUMBERS[t] + "组", manager,
                        List.copyOf(reps), BenchIds.uuid7(created, random), REGION_PROVINCES.get(r), industries));
            }
            regions.add(new Region(regionUnit, REGION_NAMES[r], regionManager, List.copyOf(teams),
                    REGION_PROVINCES.get(r)));
        }
        List<String> keys = new ArrayList<>();
        for (int k = 0; k < API_KEYS; k++) {
            keys.add("l2cw_bench" + k + "x" + Long.toString(seed & 0xFFFFFFL, 36));
        }
        // finance last, so everyone else keeps the ids and names this seed gave before finance was added
        UUID financeUnit = BenchIds.uuid7(created, random);
        Member finance = member(random, created, "bench.finance", financeUnit, today.minusYears(6), Role.FINANCE, seed,
                counter);
        return new BenchOrg(salesUnit, director, marketing, assistant, List.copyOf(regions), List.copyOf(keys),
                financeUnit, finance);
    }

    private static Member member(SplittableRandom random, Instant created, String username, UUID unit,
                                 LocalDate hired, Role role, long seed, int[] counter) {
        counter[0]++;
        ChineseData.Person p = ChineseData.person(random);
        return new Member(BenchIds.uuid7(created, random), username, p.name(), unit, hired, role,
                "l2c_bench_" + username.replace("bench.", "") + "_" + Long.toString(seed & 0xFFFFFFL, 36));
    }

    /** Writes the organisation under the company's root unit; {@code passwordHash} is the encoded {@link #PASSWORD}. */
    public static void write(JdbcClient jdbc, BenchOrg org, String passwordHash, Instant now) {
        String rootPath = jdbc.sql("select path from platform_org_unit where parent_id is null")
                .query(String.class).single();
        UUID root = jdbc.sql("select id from platform_org_unit where parent_id is null").query(UUID.class).single();
        String salesPath = rootPath + org.salesUnit() + "/";
        unit(jdbc, org.salesUnit(), root, "销售中心", salesPath, now);
        unit(jdbc, org.financeUnit(), root, "财务部", rootPath + org.financeUnit() + "/", now);
        for (Region r : org.regions()) {
            String regionPath = salesPath + r.unitId() + "/";
            unit(jdbc, r.unitId(), org.salesUnit(), r.name(), regionPath, now);
            for (Team t : r.teams()) {
                unit(jdbc, t.unitId(), r.unitId(), t.name(), regionPath + t.unitId() + "/", now);
            }
        }
        for (Member m : org.everyone()) {
            jdbc.sql("""
                    insert into platform_user (id, username, display_name, email, password_hash, org_unit_id, hire_date,
                                               active, failed_logins, demo, version, created_at, updated_at)
                    values (:id, :username, :name, :email, :hash, :unit, :hired, true, 0, false, 0, :now, :now)""")
                    .param("id", m.id()).param("username", m.username()).param("name", m.displayName())
                    .param("email", m.username() + "@bench.lead2cash.test").param("hash", passwordHash)
                    .param("unit", m.unitId()).param("hired", m.hireDate()).param("now", Timestamp.from(now)).update();
            jdbc.sql("insert into platform_user_role (platform_user, role) values (:u, :r)")
                    .param("u", m.id()).param("r", m.role().name()).update();
            jdbc.sql("""
                    insert into platform_api_token (id, user_id, name, token_hash, created_at, expires_at)
                    values (:id, :user, 'bench', :hash, :now, :expires)""")
                    .param("id", UUID.nameUUIDFromBytes(m.token().getBytes())).param("user", m.id())
                    .param("hash", BenchIds.sha256(m.token())).param("now", Timestamp.from(now))
                    .param("expires", Timestamp.from(now.plus(3650, ChronoUnit.DAYS))).update();
        }
        manager(jdbc, org.salesUnit(), org.director().id());
        for (Region r : org.regions()) {
            manager(jdbc, r.unitId(), r.manager().id());
            for (Team t : r.teams()) {
                manager(jdbc, t.unitId(), t.manager().id());
                jdbc.sql("""
                        insert into lead_territory (id, name, industries, regions, product_lines, manager_id, version, created_at)
                        values (:id, :name, :industries, :regions, '', :manager, 0, :now)""")
                        .param("id", t.territoryId()).param("name", t.name())
                        .param("industries", String.join(",", t.industries()))
                        .param("regions", String.join(",", t.provinces().stream().map(ChineseData::provinceCode).toList()))
                        .param("manager", t.manager().id())
                        .param("now", Timestamp.from(now)).update();
                for (Member rep : t.reps()) {
                    jdbc.sql("insert into lead_territory_member (lead_territory, user_id) values (:t, :u)")
                            .param("t", t.territoryId()).param("u", rep.id()).update();
                }
            }
        }
        for (int k = 0; k < org.apiKeys().size(); k++) {
            String key = org.apiKeys().get(k);
            jdbc.sql("""
                    insert into lead_api_key (id, name, source, key_hash, key_prefix, rate_per_minute, created_by, created_at)
                    values (:id, :name, 'WEBSITE_FORM', :hash, :prefix, 10000, :by, :now)""")
                    .param("id", UUID.nameUUIDFromBytes(key.getBytes())).param("name", "官网表单 " + (k + 1))
                    .param("hash", BenchIds.sha256(key)).param("prefix", key.substring(0, 9))
                    .param("by", org.marketing().get(0).id()).param("now", Timestamp.from(now)).update();
        }
    }

    private static void unit(JdbcClient jdbc, UUID id, UUID parent, String name, String path, Instant now) {
        jdbc.sql("""
                insert into platform_org_unit (id, parent_id, name, path, demo, version, created_at, updated_at)
                values (:id, :parent, :name, :path, false, 0, :now, :now)""")
                .param("id", id).param("parent", parent).param("name", name).param("path", path)
                .param("now", Timestamp.from(now)).update();
    }

    private static void manager(JdbcClient jdbc, UUID unit, UUID manager) {
        jdbc.sql("update platform_org_unit set manager_id = :m where id = :u").param("m", manager).param("u", unit)
                .update();
    }
}
