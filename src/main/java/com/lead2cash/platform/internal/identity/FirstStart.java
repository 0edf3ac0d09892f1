package com.lead2cash.platform.internal.identity;

import com.lead2cash.platform.Role;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * First start: the company's root unit and the administrator {@code admin}; on the embedded database
 * also a clearly marked demo company (switch off with {@code l2c.demo=false}). Runs once: a marker in
 * {@code platform_setting} remembers it, and an advisory lock keeps two nodes from doing it twice.
 */
@Component
@Order(0)
class FirstStart implements ApplicationRunner {

    static final String ADMIN = "admin";
    /**
     * The administrator's display name on a new installation, as the screens greet them (您好，系统管理员) — the
     * company's people read Chinese. An installation made before keeps the name its administrator has: it may be
     * one they chose, so nothing renames it.
     */
    static final String ADMIN_DISPLAY_NAME = "系统管理员";
    private static final Logger log = LoggerFactory.getLogger(FirstStart.class);
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    private final UserRepository users;
    private final OrgUnitRepository units;
    private final PasswordEncoder encoder;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final String companyName;
    private final boolean demo;
    private final String adminPassword;
    private final String demoPassword;
    private final ZoneId zone;

    FirstStart(UserRepository users, OrgUnitRepository units, PasswordEncoder encoder, JdbcClient jdbc,
               TransactionTemplate tx, Clock clock, @Value("${l2c.company-name}") String companyName,
               com.lead2cash.platform.DemoMode demoMode,
               @Value("${L2C_ADMIN_PASSWORD:}") String adminPassword,
               @Value("${L2C_DEMO_PASSWORD:}") String demoPassword, @Value("${l2c.zone}") ZoneId zone) {
        this.users = users;
        this.units = units;
        this.encoder = encoder;
        this.jdbc = jdbc;
        this.tx = tx;
        this.clock = clock;
        this.companyName = companyName;
        this.demo = demoMode.enabled();
        this.adminPassword = adminPassword;
        this.demoPassword = demoPassword;
        this.zone = zone;
    }

    @Override
    public void run(ApplicationArguments args) {
        tx.executeWithoutResult(status -> {
            jdbc.sql("select pg_advisory_xact_lock(hashtext('l2c.first-start'))").query().singleRow();
            if (users.findByUsername(ADMIN).isEmpty()) {
                createAdmin();
            }
            if (demo && !marked("demo.seeded")) {
                seedDemoCompany();
                mark("demo.seeded");
            }
        });
    }

    private void createAdmin() {
        Instant now = clock.instant();
        OrgUnit root = units.findRoot().orElseGet(() -> units.save(OrgUnit.root(companyName, false, now)));
        boolean generated = adminPassword.isBlank();
        String password = generated ? randomPassword() : adminPassword;
        users.save(User.register(ADMIN, ADMIN_DISPLAY_NAME, null, encoder.encode(password), root.id(), null,
                Set.of(Role.ADMIN), false, now));
        if (generated) {
            announce("Administrator created: username 'admin', password '" + password + "'"
                    + " (shown once; set L2C_ADMIN_PASSWORD to choose it)");
        } else {
            log.info("Administrator 'admin' created with the password from L2C_ADMIN_PASSWORD");
        }
    }

    private record DemoUser(String username, String displayName, String unit, Role role, int monthsOfService,
                            boolean manages) {
    }

    private void seedDemoCompany() {
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, zone);
        OrgUnit root = units.findRoot().orElseThrow();
        OrgUnit sales = units.save(root.child("销售部（演示）", true, now));
        OrgUnit east = units.save(sales.child("华东大区（演示）", true, now));
        OrgUnit south = units.save(sales.child("华南大区（演示）", true, now));
        OrgUnit finance = units.save(root.child("财务部（演示）", true, now));
        OrgUnit legal = units.save(root.child("法务部（演示）", true, now));
        OrgUnit operations = units.save(root.child("运营部（演示）", true, now));
        OrgUnit afterSales = units.save(root.child("售后服务部（演示）", true, now));
        OrgUnit marketing = units.save(root.child("市场部（演示）", true, now));
        OrgUnit techSupport = units.save(root.child("技术支持部（演示）", true, now));
        var byName = java.util.Map.of("sales", sales, "east", east, "south", south, "finance", finance,
                "legal", legal, "operations", operations, "afterSales", afterSales, "marketing", marketing,
                "techSupport", techSupport);
        List<DemoUser> people = List.of(
                new DemoUser("director", "张伟（演示）", "sales", Role.SALES_DIRECTOR, 96, true),
                new DemoUser("east.manager", "李娜（演示）", "east", Role.REGIONAL_MANAGER, 60, true),
                new DemoUser("south.manager", "王强（演示）", "south", Role.REGIONAL_MANAGER, 48, true),
                new DemoUser("east.rep1", "刘洋（演示）", "east", Role.SALES_REP, 40, false),
                new DemoUser("east.rep2", "陈静（演示）", "east", Role.SALES_REP, 14, false),
                new DemoUser("east.rep3", "杨帆（演示）", "east", Role.SALES_REP, 4, false),
                new DemoUser("south.rep1", "赵敏（演示）", "south", Role.SALES_REP, 30, false),
                new DemoUser("south.rep2", "黄磊（演示）", "south", Role.SALES_REP, 13, false),
                new DemoUser("south.rep3", "周婷（演示）", "south", Role.SALES_REP, 7, false),
                new DemoUser("finance", "吴芳（演示）", "finance", Role.FINANCE, 50, true),
                new DemoUser("legal", "郑律（演示）", "legal", Role.LEGAL, 36, true),
                new DemoUser("operations", "孙运（演示）", "operations", Role.OPERATIONS, 28, true),
                new DemoUser("aftersales", "马服（演示）", "afterSales", Role.AFTER_SALES, 20, true),
                new DemoUser("marketing", "林市（演示）", "marketing", Role.MARKETING, 16, true),
                // the opportunity evaluation's panel needs a technical seat (O1)
                new DemoUser("tech.support", "高技（演示）", "techSupport", Role.TECH_SUPPORT, 24, true),
                new DemoUser("assistant", "何助（演示）", "sales", Role.SALES_ASSISTANT, 10, false));
        boolean generated = demoPassword.isBlank();
        String password = generated ? randomPassword() : demoPassword;
        String hash = encoder.encode(password);
        for (DemoUser p : people) {
            OrgUnit unit = byName.get(p.unit());
            User user = users.save(User.register(p.username(), p.displayName(), p.username() + "@demo.lead2cash.test",
                    hash, unit.id(), today.minusMonths(p.monthsOfService()), Set.of(p.role()), true, now));
            if (p.manages()) {
                unit.appointManager(user.id(), now);
                units.save(unit);
            }
        }
        announce("Demo company seeded (l2c.demo=false switches it off). Demo users "
                + people.stream().map(DemoUser::username).toList() + " share the password '"
                + (generated ? password : "<from L2C_DEMO_PASSWORD>") + "'");
    }

    private boolean marked(String key) {
        return jdbc.sql("select count(*) from platform_setting where key = :k").param("k", key)
                .query(Integer.class).single() > 0;
    }

    private void mark(String key) {
        jdbc.sql("insert into platform_setting (key, value) values (:k, :v)").param("k", key)
                .param("v", clock.instant().toString()).update();
    }

    private static String randomPassword() {
        SecureRandom random = new SecureRandom();
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }

    private static void announce(String message) {
        String line = "=".repeat(Math.min(100, message.length() + 4));
        log.warn("\n{}\n  {}\n{}", line, message, line);
    }
}
