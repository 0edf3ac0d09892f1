package com.lead2cash.lead.internal.domain;

import static org.assertj.core.api.Assertions.assertThat;

import com.lead2cash.lead.LeadSource;
import com.lead2cash.lead.internal.grading.GradingInput;
import com.lead2cash.lead.internal.grading.GradingResult;
import com.lead2cash.lead.internal.grading.LeadGrader;
import com.lead2cash.platform.SearchKeys;
import com.lead2cash.sop.SopPolicy;
import com.lead2cash.testing.IntegrationTest;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.jdbc.core.JdbcAggregateOperations;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** A new lead's plain insert writes exactly what Spring Data JDBC writes for it, audit entry included. */
@IntegrationTest
class NewLeadInsertTest {

    @Autowired LeadRepository leads;
    @Autowired JdbcAggregateOperations aggregates;
    @Autowired SopPolicy policy;
    @Autowired JdbcClient jdbc;
    @Autowired TransactionTemplate tx;

    private Lead lead(String company, Instant now) {
        LocalDate today = LocalDate.of(2026, 12, 1);
        LeadDraft draft = new LeadDraft(company, "王经理", "采购总监", "13811112222", "wang@example.cn", "制造业", "上海",
                "CRM", LeadSource.TRADE_SHOW, "工博会", null, new BigDecimal("500000.00"), today.plusDays(30), true,
                "总经理拍板", "91350100M000100Y43", "备注");
        GradingResult grading = LeadGrader.grade(policy.current().bind(LeadRules.class).grading(), new GradingInput(
                draft.industry(), draft.budget(), draft.purchaseDate(), draft.decisionMakerKnown(), draft.contactName(), today));
        Lead lead = Lead.capture("L-TEST-" + company, draft, CaptureChannel.IMPORT, UUID.randomUUID(), grading, "保留", now);
        lead.screenAutomatically(now);
        return lead;
    }

    private Map<String, Object> row(UUID id) {
        Map<String, Object> row = new java.util.TreeMap<>(jdbc.sql("select * from lead_lead where id = :id").param("id", id)
                .query().singleRow());
        // what follows from the company name and code differs; the search keys are checked on their own
        List.of("id", "code", "company_name", "company_name_normalized", "captured_by", "search_keys").forEach(row::remove);
        return row;
    }

    private List<String> searchKeys(UUID id) {
        return jdbc.sql("select unnest(search_keys) from lead_lead where id = :id").param("id", id).query(String.class).list();
    }

    private List<String> reasons(UUID id) {
        return jdbc.sql("select criterion || met || message_key || coalesce(args, '') from lead_grade_reason where lead_id = :id"
                + " order by criterion").param("id", id).query(String.class).list();
    }

    private String audit(Lead lead) {
        return jdbc.sql("select action || ' ' || new_value from platform_audit_event where entity_id = :id")
                .param("id", lead.id().toString()).query(String.class).single()
                .replace(lead.companyName(), "?").replace(lead.code(), "?").replace(lead.capturedBy().toString(), "?");
    }

    @Test
    void aNewLeadIsStoredAsSpringDataStoresItAndStillUpdatesThroughSpringData() {
        Instant now = Instant.parse("2026-12-01T02:00:00Z");
        Lead generic = lead("通用插入有限公司", now);
        Lead plain = lead("直接插入有限公司", now);
        tx.executeWithoutResult(s -> {
            aggregates.insert(generic);
            leads.save(plain);
        });
        assertThat(plain.version()).isZero();
        assertThat(row(plain.id())).isEqualTo(row(generic.id()));
        for (Lead l : List.of(generic, plain)) {
            assertThat(searchKeys(l.id())).isNotEmpty().containsExactlyElementsOf(
                    SearchKeys.of(List.of(l.companyName(), "王经理", l.code()), List.of("13811112222")));
        }
        assertThat(reasons(plain.id())).isNotEmpty().isEqualTo(reasons(generic.id()));
        assertThat(audit(plain)).startsWith("CREATE").isEqualTo(audit(generic));

        Lead stored = leads.findById(plain.id()).orElseThrow();
        stored.nurture(now.plusSeconds(60));
        tx.executeWithoutResult(s -> leads.save(stored));
        assertThat(leads.findById(plain.id()).orElseThrow().version()).isEqualTo(1);
    }
}
