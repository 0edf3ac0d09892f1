package com.lead2cash.bench.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import com.lead2cash.bench.BenchSize;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * A load of L takes half an hour and may cross midnight in the company's zone. The people's ids derive from the
 * generation's "today", and the benchmark plans its organisation again from the day recorded when the load ends:
 * that day must be the one the load began on, or no generated owner is in the planned organisation.
 */
class DataGeneratorAnchorTest {

    @Test
    void theDayOfAGenerationIsTheDayItBeganOn() {
        Instant beforeMidnight = Instant.parse("2026-12-04T15:28:00Z"); // 23:28 in Shanghai
        Instant[] now = {beforeMidnight};
        Clock clock = new Clock() {
            @Override
            public Instant instant() {
                return now[0];
            }

            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                throw new UnsupportedOperationException();
            }
        };
        GenericApplicationContext app = new GenericApplicationContext();
        app.registerBean(Clock.class, () -> clock);
        app.getEnvironment().getPropertySources().addFirst(new MapPropertySource("test", Map.of("l2c.zone", "Asia/Shanghai")));
        app.refresh();
        DataGenerator generator = new DataGenerator(app, null, BenchSize.S, 7L);

        LocalDate began = generator.anchor();
        now[0] = beforeMidnight.plusSeconds(35 * 60); // 00:03 the next day

        assertThat(began).isEqualTo(LocalDate.of(2026, 12, 4));
        assertThat(LocalDate.ofInstant(clock.instant(), ZoneId.of("Asia/Shanghai"))).isEqualTo(LocalDate.of(2026, 12, 5));
        assertThat(generator.anchor()).isEqualTo(began);
        assertThat(OrgWriter.plan(7L, generator.anchor()).director().id())
                .isEqualTo(OrgWriter.plan(7L, began).director().id());
    }
}
