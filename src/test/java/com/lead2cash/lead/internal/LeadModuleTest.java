package com.lead2cash.lead.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.lead2cash.customer.CustomerDirectory;
import com.lead2cash.lead.LeadConverted;
import com.lead2cash.lead.LeadSource;
import com.lead2cash.lead.LeadStatus;
import com.lead2cash.lead.internal.capture.LeadCapture;
import com.lead2cash.lead.internal.domain.CaptureChannel;
import com.lead2cash.lead.internal.domain.ContactIntent;
import com.lead2cash.lead.internal.domain.Lead;
import com.lead2cash.lead.internal.domain.LeadDraft;
import com.lead2cash.lead.internal.domain.LeadRules;
import com.lead2cash.notification.Notifier;
import com.lead2cash.opportunity.Opportunities;
import com.lead2cash.platform.AuditTrail;
import com.lead2cash.platform.BackgroundTasks;
import com.lead2cash.platform.CurrentUser;
import com.lead2cash.platform.DataScope;
import com.lead2cash.platform.DeferredInserts;
import com.lead2cash.platform.DemoMode;
import com.lead2cash.platform.HumanCodes;
import com.lead2cash.platform.OrgDirectory;
import com.lead2cash.platform.Role;
import com.lead2cash.platform.Scope;
import com.lead2cash.platform.ScopeKind;
import com.lead2cash.platform.SearchKeyStatistics;
import com.lead2cash.platform.web.RequestBodies;
import com.lead2cash.region.Regions;
import com.lead2cash.sop.Deadlines;
import com.lead2cash.sop.SopPolicy;
import com.lead2cash.testing.MutableClock;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * The lead module alone: only its own beans run, on its own tables; what it asks of other modules —
 * the SOP engine, people, customers, opportunities, notifications, regions — is stood in for. Its published
 * event is the contract other modules rely on.
 */
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.STANDALONE)
@TestPropertySource(properties = {"l2c.lead.routines.enabled=false", "l2c.demo=false"})
class LeadModuleTest {

    static final Instant NOW = Instant.parse("2026-11-23T02:00:00Z");
    static final UUID MANAGER = UUID.fromString("00000000-0000-0000-0000-00000000000a");
    static final UUID REP = UUID.fromString("00000000-0000-0000-0000-00000000000b");
    static final UUID CUSTOMER = UUID.fromString("00000000-0000-0000-0000-0000000000c1");
    static final UUID CONTACT = UUID.fromString("00000000-0000-0000-0000-0000000000c2");
    static final java.util.concurrent.atomic.AtomicInteger CODES = new java.util.concurrent.atomic.AtomicInteger();
    static final UUID OPPORTUNITY = UUID.fromString("00000000-0000-0000-0000-0000000000c3");

    @TestConfiguration
    static class Time {
        @Bean
        MutableClock clock() {
            return new MutableClock(NOW);
        }

        /** The platform's insert batching is how the module writes its own tables, so it runs for real. */
        @Bean
        DeferredInserts deferredInserts(JdbcTemplate jdbc) {
            return new DeferredInserts(jdbc);
        }

        /** No administrator's field rules: every field reads by the default rule. */
        @Bean
        com.lead2cash.platform.FieldRules fieldRules() {
            return com.lead2cash.testing.FixedFieldRules.DEFAULTS;
        }
    }

    @MockitoBean SopPolicy policy;
    @MockitoBean Deadlines deadlines;
    @MockitoBean Notifier notifier;
    @MockitoBean OrgDirectory directory;
    @MockitoBean DataScope dataScope;
    @MockitoBean CustomerDirectory customers;
    @MockitoBean Opportunities opportunities;
    @MockitoBean HumanCodes codes;
    @MockitoBean DemoMode demoMode;
    @MockitoBean com.lead2cash.files.ContentTypes contentTypes;
    @MockitoBean AuditTrail audit;
    @MockitoBean Regions regions;
    @MockitoBean BackgroundTasks background;
    @MockitoBean SearchKeyStatistics searchKeyStatistics;
    @MockitoBean RequestBodies requestBodies;
    @MockitoBean com.lead2cash.platform.ClientAddressThrottle addressThrottle;

    @Autowired LeadCapture capture;
    @Autowired LeadAssignment assignment;
    @Autowired LeadProgress progress;

    record SignedIn(CurrentUser currentUser) implements CurrentUser.HasCurrentUser {
    }

    @BeforeEach
    void collaborators() {
        CurrentUser manager = new CurrentUser(MANAGER, "manager", "Manager", null, Set.of(Role.SALES_MANAGER));
        SecurityContextHolder.getContext().setAuthentication(new TestingAuthenticationToken(new SignedIn(manager), null));
        when(policy.current()).thenReturn(SopPolicy.defaults());
        when(dataScope.current()).thenReturn(new Scope(ScopeKind.ALL, MANAGER, null));
        when(codes.next(anyString(), anyString()))
                .thenAnswer(call -> "L-2026-%06d".formatted(CODES.incrementAndGet()));
        when(directory.person(REP)).thenReturn(Optional.of(new OrgDirectory.Person(REP, "rep", "Rep", null, null,
                LocalDate.of(2020, 1, 1), true, Set.of(Role.SALES_REP))));
        when(customers.register(any())).thenReturn(new CustomerDirectory.CustomerRef(CUSTOMER, "C-2026-000001",
                "上海模块测试有限公司", REP, com.lead2cash.customer.CustomerStatus.INITIAL_CONTACT));
        when(customers.addContact(any(), any())).thenReturn(CONTACT);
        when(opportunities.open(any())).thenReturn(OPPORTUNITY);
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    private Lead contactedLead() {
        LeadDraft draft = new LeadDraft("上海模块测试有限公司", "王总", null, "13800000009", null, "餐饮业", "模块测试区",
                null, LeadSource.REFERRAL, null, null, new BigDecimal("200000"), LocalDate.of(2026, 12, 20), false,
                null, null, null);
        Lead lead = capture.capture(draft, CaptureChannel.MANUAL, MANAGER, null).lead();
        assertThat(lead.status()).as("no territory: waiting in the general queue").isEqualTo(LeadStatus.SCREENED);
        lead = assignment.assignByManager(lead.id(), REP, null, null);
        return progress.recordContact(lead.id(), "phone", ContactIntent.HIGH, "需求明确", null);
    }

    @Test
    void conversionPublishesLeadConvertedWithTheCustomerContactAndOpportunity(Scenario scenario) {
        Lead lead = contactedLead();

        scenario.stimulate(() -> progress.convert(lead.id(), null, true, "模块测试商机", new BigDecimal("180000")))
                .andWaitForEventOfType(LeadConverted.class)
                .matchingMappedValue(LeadConverted::leadId, lead.id())
                .toArriveAndVerify(event -> {
                    assertThat(event.customerId()).isEqualTo(CUSTOMER);
                    assertThat(event.contactId()).isEqualTo(CONTACT);
                    assertThat(event.opportunityId()).isEqualTo(OPPORTUNITY);
                    assertThat(event.ownerId()).isEqualTo(REP);
                    assertThat(event.leadCode()).isEqualTo(lead.code());
                });
        verify(customers).register(any());
    }

    @Test
    void theModuleOpensItsDeadlinesThroughTheSopEngineAlone() {
        Lead lead = contactedLead();

        verify(deadlines).recordMet(LeadRules.NOTIFY_ASSIGNEE, LeadDeadlines.subject(lead), REP, NOW);
        verify(deadlines).open(LeadRules.FIRST_RESPONSE, LeadDeadlines.subject(lead), REP, NOW);
        verify(deadlines).meet(LeadRules.FIRST_RESPONSE, LeadDeadlines.subject(lead), NOW);
        verify(deadlines).meet(LeadRules.MANAGER_QUEUE, LeadDeadlines.subject(lead), NOW);
    }
}
