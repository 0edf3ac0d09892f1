package com.lead2cash.lead.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.lead2cash.lead.internal.domain.LeadDraft;
import com.lead2cash.region.Region;
import com.lead2cash.region.Regions;
import com.lead2cash.testing.IntegrationTest;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The demo company's leads stand in real administrative divisions, as the region picker writes them. */
@IntegrationTest
class LeadDemoDataTest {

    @Autowired Regions regions;

    @Test
    void everyDemoLeadsRegionIsAKnownDivisionWrittenAsThePickerWritesIt() {
        for (LeadDraft d : LeadDemoData.drafts(LocalDate.of(2026, 12, 1))) {
            Region region = regions.resolve(d.region()).orElseThrow();
            assertThat(region.resolved()).as(d.companyName() + ": " + d.region() + " names a division").isTrue();
            assertThat(region.name()).as(d.companyName() + ": the division's full name, as the picker writes it")
                    .isEqualTo(d.region());
        }
    }
}
