package com.lead2cash.testing;

import com.lead2cash.platform.SearchKeyStatistics;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import java.lang.reflect.Field;
import java.time.Duration;
import java.lang.reflect.Modifier;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;
import org.springframework.test.util.AopTestUtils;

/**
 * Every test class starts from the data its context started with, though classes alike share one context
 * (docs/decisions/0021): the first class to use a context has its database copied as a snapshot right after the
 * application started; each later class gets a fresh copy of that snapshot under the same name, and the
 * application forgets what it remembered of the database it had before.
 */
public class FreshDataPerClass implements TestExecutionListener, Ordered {

    /** The snapshot of each context's started database. */
    private static final Map<ApplicationContext, String> SNAPSHOTS = Collections.synchronizedMap(new WeakHashMap<>());
    /** The test class that last used each context. */
    private static final Map<ApplicationContext, Class<?>> LAST_CLASS =
            Collections.synchronizedMap(new WeakHashMap<>());
    private static final Duration IDLE_WAIT = Duration.ofSeconds(10);

    @Override
    public int getOrder() {
        // before the listener that injects the test instance (2000), which may use the data in a setter
        return 1900;
    }

    /**
     * When a test instance is prepared, not before the class: a class's own extensions (a mail server whose port
     * the context reads) start before its context may load. Once per class: an instance per test method.
     */
    @Override
    public void prepareTestInstance(TestContext testContext) throws Exception {
        ApplicationContext context = testContext.getApplicationContext();
        if (LAST_CLASS.put(context, testContext.getTestClass()) != testContext.getTestClass()) {
            startFromSnapshot(context);
        }
    }

    /** The context's data as it started (its first class: snapshot it as it is). */
    static void startFromSnapshot(ApplicationContext context) throws Exception {
        if (!"true".equals(context.getEnvironment().getProperty(PerClassDatabase.ENABLED))) {
            return;
        }
        HikariDataSource pool = context.getBean(DataSource.class).unwrap(HikariDataSource.class);
        String url = pool.getJdbcUrl();
        String database = url.substring(url.lastIndexOf('/') + 1).replaceFirst("\\?.*", "");
        String snapshot = SNAPSHOTS.get(context);
        HikariPoolMXBean connections = pool.getHikariPoolMXBean();
        int minimumIdle = pool.getHikariConfigMXBean().getMinimumIdle();
        // no connection is lent or opened while the data is replaced: none may reach the old database's last state
        connections.suspendPool();
        pool.getHikariConfigMXBean().setMinimumIdle(0);
        try {
            connections.softEvictConnections();
            awaitNoneInUse(connections);
            if (snapshot == null) {
                snapshot = TestPostgres.newName("snapshot");
                TestPostgres.snapshot(database, snapshot);
                SNAPSHOTS.put(context, snapshot);
            } else {
                TestPostgres.restore(database, snapshot);
                forgetTheOldDatabase((ConfigurableApplicationContext) context);
            }
            // any connection still open was ended with the old database (or by the snapshot): none may be lent
            connections.softEvictConnections();
        } finally {
            pool.getHikariConfigMXBean().setMinimumIdle(minimumIdle);
            connections.resumePool();
        }
    }

    /**
     * Work in flight when the previous class ended commits to the old database, not into the new one; a connection
     * still lent after a while is ended with the old database.
     */
    private static void awaitNoneInUse(HikariPoolMXBean connections) {
        try {
            Awaitility.await().atMost(IDLE_WAIT).pollInterval(Duration.ofMillis(5))
                    .until(() -> connections.getActiveConnections() == 0);
        } catch (ConditionTimeoutException e) {
            // drop … with (force) ends it
        }
    }

    /**
     * What the application keeps of its database between transactions — the policy, calendar, field rules and
     * territories it read at a revision, the confirmation signing key, search-key statistics — described a
     * database that is gone: the revisions of the new one may repeat the old one's numbers. Such a cache is an
     * {@link AtomicReference} or a volatile field of an application bean ({@code NodeCachesTest} keeps the list
     * complete); the test clock goes back to its start.
     */
    private static void forgetTheOldDatabase(ConfigurableApplicationContext context) throws IllegalAccessException {
        ConfigurableListableBeanFactory beans = context.getBeanFactory();
        for (String name : beans.getSingletonNames()) {
            Object singleton = beans.getSingleton(name);
            if (singleton == null) {
                continue;
            }
            Object bean = AopTestUtils.getUltimateTargetObject(singleton);
            if (bean instanceof MutableClock clock) {
                clock.reset();
            } else if (bean instanceof RecordingNotifier notifier) {
                notifier.clear();
            } else if (bean instanceof SearchKeyStatistics) {
                // its statistics by table, read again after a while: read them from the new database at once
                for (Field field : SearchKeyStatistics.class.getDeclaredFields()) {
                    if (Map.class.isAssignableFrom(field.getType()) && !Modifier.isStatic(field.getModifiers())) {
                        field.setAccessible(true);
                        ((Map<?, ?>) field.get(bean)).clear();
                    }
                }
            }
            for (Class<?> type = bean.getClass(); isApplication(type); type = type.getSuperclass()) {
                for (Field field : type.getDeclaredFields()) {
                    forget(bean, field);
                }
            }
        }
    }

    static boolean isApplication(Class<?> type) {
        return type != null && type.getName().startsWith("com.lead2cash.")
                && !type.getName().startsWith("com.lead2cash.testing.") && !type.getName().contains("$$");
    }

    /** Whether the field is a node's cache by the convention above. */
    static boolean isNodeCache(Field field) {
        int modifiers = field.getModifiers();
        return !Modifier.isStatic(modifiers) && (AtomicReference.class.equals(field.getType())
                || (Modifier.isVolatile(modifiers) && !Modifier.isFinal(modifiers) && !field.getType().isPrimitive()));
    }

    private static void forget(Object bean, Field field) throws IllegalAccessException {
        if (!isNodeCache(field)) {
            return;
        }
        field.setAccessible(true);
        if (AtomicReference.class.equals(field.getType())) {
            ((AtomicReference<?>) field.get(bean)).set(null);
        } else {
            field.set(bean, null);
        }
    }
}
