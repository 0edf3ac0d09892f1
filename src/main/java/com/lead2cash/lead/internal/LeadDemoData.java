package com.lead2cash.lead.internal;

import com.lead2cash.lead.LeadSource;
import com.lead2cash.lead.internal.capture.LeadCapture;
import com.lead2cash.lead.internal.domain.CaptureChannel;
import com.lead2cash.lead.internal.domain.LeadDraft;
import com.lead2cash.lead.internal.routing.TerritoryService;
import com.lead2cash.platform.OrgDirectory;
import com.lead2cash.platform.Role;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The demo company's lead side, seeded once after the platform's demo people exist: two
 * territories (East, South) and a handful of leads, every one marked （演示）.
 */
@Component
@Order(10)
public class LeadDemoData implements ApplicationRunner {

    private final TerritoryService territories;
    private final LeadCapture leads;
    private final OrgDirectory directory;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final ZoneId zone;
    private final boolean demo;

    LeadDemoData(TerritoryService territories, LeadCapture leads, OrgDirectory directory, JdbcClient jdbc,
                 TransactionTemplate tx, Clock clock, @Value("${l2c.zone}") ZoneId zone,
                 com.lead2cash.platform.DemoMode demoMode) {
        this.territories = territories;
        this.leads = leads;
        this.directory = directory;
        this.jdbc = jdbc;
        this.tx = tx;
        this.clock = clock;
        this.zone = zone;
        this.demo = demoMode.enabled();
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!demo) {
            return;
        }
        tx.executeWithoutResult(status -> {
            boolean first = jdbc.sql("insert into lead_job_run (job, period, ran_at) values ('demo-seed', 'once', :t) on conflict do nothing")
                    .param("t", Timestamp.from(clock.instant())).update() == 1;
            if (!first) {
                return;
            }
            Map<String, OrgDirectory.Person> people = Set.of(Role.SALES_REP, Role.REGIONAL_MANAGER).stream()
                    .flatMap(r -> directory.activeWithRole(r).stream())
                    .collect(Collectors.toMap(OrgDirectory.Person::username, Function.identity(), (a, b) -> a));
            if (!people.containsKey("east.manager") || !people.containsKey("south.manager")) {
                return;
            }
            // regions are administrative divisions: a province covers its cities, and 杭州's territory wins over 华东's
            territories.create(new TerritoryService.TerritoryForm("华东大区（演示）", "", "上海市,江苏省,浙江省,安徽省", "",
                    people.get("east.manager").id(), ids(people, "east.rep1", "east.rep2", "east.rep3"), null));
            territories.create(new TerritoryService.TerritoryForm("杭州（演示）", "", "浙江省杭州市", "",
                    people.get("east.manager").id(), ids(people, "east.rep1"), null));
            territories.create(new TerritoryService.TerritoryForm("华南大区（演示）", "", "广东省,福建省,广西壮族自治区,海南省", "",
                    people.get("south.manager").id(), ids(people, "south.rep1", "south.rep2", "south.rep3"), null));
            drafts(LocalDate.ofInstant(clock.instant(), zone))
                    .forEach(d -> leads.capture(d, CaptureChannel.MANUAL, null, null));
        });
    }

    /**
     * The demo leads, each region written as the region picker writes it (the division's full name), so none is
     * flagged as naming no division and every action on them (disqualify, assign) is free of that warning.
     */
    static List<LeadDraft> drafts(LocalDate today) {
        return List.of(
                draft("上海恒远精密制造有限公司（演示）", "陈总", "总经理", "13816600001", "制造业", "上海市浦东新区", "CRM",
                        LeadSource.TRADE_SHOW, 800_000, today.plusDays(30), true),
                draft("苏州新程软件科技有限公司（演示）", "周经理", "IT经理", "13916600002", "软件和信息技术服务业",
                        "江苏省苏州市苏州工业园区", "CRM", LeadSource.WEBSITE_FORM, 150_000, today.plusDays(120), false),
                draft("杭州青禾餐饮管理有限公司（演示）", "吴女士", "运营主管", "13716600003", "餐饮业", "浙江省杭州市西湖区", "SaaS",
                        LeadSource.REFERRAL, 150_000, today.plusDays(60), false),
                draft("深圳海川医疗器械有限公司（演示）", "郑博士", "采购总监", "13616600004", "医疗健康", "广东省深圳市南山区", "CRM",
                        LeadSource.MARKETING_EVENT, 1_200_000, today.plusDays(45), true),
                draft("厦门鹭岛贸易有限公司（演示）", "林先生", "老板", "13516600005", "批发和零售业", "福建省厦门市思明区", "ERP",
                        LeadSource.INBOUND_INQUIRY, 300_000, today.plusDays(60), false),
                draft("成都天府物流有限公司（演示）", "杨经理", "信息部经理", "13416600006", "交通运输业", "四川省成都市武侯区", "WMS",
                        LeadSource.PARTNER, 200_000, today.plusDays(20), true),
                draft("宁波东港电子有限公司（演示）", "许经理", "采购经理", "13316600007", "制造业", "浙江省宁波市北仑区", "CRM",
                        LeadSource.RESEARCH, 80_000, null, false));
    }

    private static Set<UUID> ids(Map<String, OrgDirectory.Person> people, String... usernames) {
        return java.util.Arrays.stream(usernames).map(people::get).filter(java.util.Objects::nonNull)
                .map(OrgDirectory.Person::id).collect(Collectors.toSet());
    }

    private static LeadDraft draft(String company, String contact, String title, String phone, String industry,
                                   String region, String productLine, LeadSource source, long budget,
                                   LocalDate purchase, boolean decisionMaker) {
        return new LeadDraft(company, contact, title, phone, null, industry, region, productLine, source, null, null,
                BigDecimal.valueOf(budget), purchase, decisionMaker, null, null, "演示数据");
    }
}
