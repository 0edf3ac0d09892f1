package com.lead2cash.quote.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import com.lead2cash.approval.Approvals;
import com.lead2cash.catalog.Catalog;
import com.lead2cash.confirmation.Confirmations;
import com.lead2cash.customer.CustomerDirectory;
import com.lead2cash.notification.Notifier;
import com.lead2cash.opportunity.Opportunities;
import com.lead2cash.opportunity.Stage;
import com.lead2cash.platform.DataScope;
import com.lead2cash.platform.FieldValidationException;
import com.lead2cash.platform.HumanCodes;
import com.lead2cash.platform.OrgDirectory;
import com.lead2cash.quote.internal.domain.QuoteRepository;
import com.lead2cash.sop.SopPolicy;
import com.lead2cash.testing.TestClock;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Walk finding: 20 000 lines of a quote were each looked up and priced from the catalogue before the 200-line limit
 * refused them (22 s a request; a dozen at once held every database connection). The count is asked first: too many
 * lines are refused without a single look-up in the catalogue, and nothing is numbered or saved.
 */
class QuoteLineCountTest {

    final QuoteRepository quotes = mock(QuoteRepository.class);
    final Opportunities opportunities = mock(Opportunities.class);
    final Catalog catalog = mock(Catalog.class);
    final HumanCodes codes = mock(HumanCodes.class);
    final QuoteService service = new QuoteService(quotes, opportunities, catalog, mock(CustomerDirectory.class),
            mock(Approvals.class), mock(Confirmations.class), mock(QuoteDocuments.class), mock(SopPolicy.class), codes,
            mock(OrgDirectory.class), mock(Notifier.class), mock(DataScope.class),
            Clock.fixed(TestClock.START, ZoneOffset.UTC), ZoneId.of("Asia/Shanghai"));

    @ParameterizedTest(name = "{0} lines")
    @ValueSource(ints = {201, 20_000})
    void tooManyLinesAreRefusedBeforeAnyLineIsLookedUpInTheCatalogue(int count) {
        UUID opportunityId = UUID.randomUUID();
        when(opportunities.requireVisible(opportunityId)).thenReturn(new Opportunities.OpportunityRef(opportunityId,
                "OPP-1", "园区安防升级", UUID.randomUUID(), UUID.randomUUID(), Stage.PROPOSAL, new BigDecimal("300000"),
                "CNY", LocalDate.parse("2027-03-31"), List.of()));
        when(opportunities.worksOn(opportunityId)).thenReturn(true);
        // one valid line repeated, as the walk sent it, with a price list named: nothing of it is looked up
        var line = new QuoteService.LineRequest(UUID.randomUUID(), BigDecimal.ONE, null, null);
        var content = new QuoteService.Content(UUID.randomUUID(), Collections.nCopies(count, line),
                LocalDate.parse("2026-12-31"), null, null, null);

        assertThatThrownBy(() -> service.create(opportunityId, content))
                .isInstanceOfSatisfying(FieldValidationException.class, refused -> {
                    assertThat(refused.errors()).singleElement().satisfies(error -> {
                        assertThat(error.field()).isEqualTo("lines");
                        assertThat(error.messageKey()).isEqualTo("quote.lines.tooMany");
                        assertThat(error.args()).containsExactly(200);
                    });
                });
        verifyNoInteractions(catalog, codes);
        verify(quotes, never()).save(any());
    }
}
