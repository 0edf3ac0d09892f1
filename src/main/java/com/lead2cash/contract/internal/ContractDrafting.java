package com.lead2cash.contract.internal;

import com.lead2cash.contract.RiskLevel;
import com.lead2cash.contract.internal.domain.Contract;
import com.lead2cash.contract.internal.domain.ContractAction;
import com.lead2cash.contract.internal.domain.ContractRepository;
import com.lead2cash.contract.internal.domain.ContractRules;
import com.lead2cash.contract.internal.domain.PaymentMilestone;
import com.lead2cash.contract.internal.template.ContractTemplate;
import com.lead2cash.contract.internal.template.ContractTemplates;
import com.lead2cash.customer.CustomerDirectory;
import com.lead2cash.files.StoredFile;
import com.lead2cash.opportunity.Opportunities;
import com.lead2cash.opportunity.Stage;
import com.lead2cash.platform.ConflictException;
import com.lead2cash.platform.CurrentUser;
import com.lead2cash.platform.DomainException;
import com.lead2cash.platform.FieldValidationException;
import com.lead2cash.platform.HumanCodes;
import com.lead2cash.platform.Letterhead;
import com.lead2cash.platform.Role;
import com.lead2cash.sop.SopPolicy;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Drafting a contract (合同拟定): from an opportunity at the contract stage, on a published template,
 * with the accepted quote's lines and the confirmed minutes' terms filled in; then revising its terms
 * and clauses and attaching documents while it is a draft or being revised.
 */
@Service
@Transactional
public class ContractDrafting {

    /**
     * What the rep asks for (SPEC §6 POST /contracts); {@code buyerTaxId} left out (null) is the customer's
     * ({@link #buyerTaxIdFor}), blank is none.
     */
    public record NewContract(UUID opportunityId, UUID quoteId, UUID templateId, String title, BigDecimal amount,
                              RiskLevel riskLevel, LocalDate termStart, LocalDate termEnd,
                              List<PaymentMilestone> milestones, String buyerTaxId) {
    }

    private final ContractRepository contracts;
    private final ContractAccess access;
    private final ContractTemplates templates;
    private final Opportunities opportunities;
    private final CustomerDirectory customers;
    private final DraftSources sources;
    private final SopPolicy policy;
    private final HumanCodes codes;
    private final Letterhead letterhead;
    private final ContractEvents events;
    private final ContractFiles files;
    private final ContractLifecycle lifecycle;
    private final TransactionTemplate savepoint;
    private final Clock clock;
    private final ZoneId zone;

    ContractDrafting(ContractRepository contracts, ContractAccess access, ContractTemplates templates,
                     Opportunities opportunities, CustomerDirectory customers,
                     DraftSources sources, SopPolicy policy,
                     HumanCodes codes, Letterhead letterhead, ContractEvents events, ContractFiles files,
                     ContractLifecycle lifecycle, PlatformTransactionManager transactions, Clock clock,
                     @Value("${l2c.zone}") ZoneId zone) {
        this.contracts = contracts;
        this.access = access;
        this.templates = templates;
        this.opportunities = opportunities;
        this.customers = customers;
        this.sources = sources;
        this.policy = policy;
        this.codes = codes;
        this.letterhead = letterhead;
        this.events = events;
        this.files = files;
        this.lifecycle = lifecycle;
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        this.clock = clock;
        this.zone = zone;
    }

    /**
     * The opportunity a contract would be drafted for, visible to the user (404 otherwise), who may draft one: a sales
     * person who works it (its owner, a manager above) or the team's sales assistant — 403 to anyone else. Drafting
     * asks it, and so does the drafting form before it is shown.
     */
    @Transactional(readOnly = true)
    public Opportunities.OpportunityRef requireDrafter(UUID opportunityId) {
        CurrentUser me = CurrentUser.require();
        if (me.roles().stream().noneMatch(ContractAccess.SELLERS::contains)) {
            throw new AccessDeniedException("only sales people draft contracts");
        }
        Opportunities.OpportunityRef opportunity = opportunities.requireVisible(opportunityId);
        if (!opportunities.worksOn(opportunity.id()) && !me.has(Role.SALES_ASSISTANT)) {
            throw new AccessDeniedException("drafting a contract for an opportunity one does not work");
        }
        return opportunity;
    }

    /**
     * The opportunity a draft may be started for now, as {@link #draft} asks it: a drafter of it (403 otherwise), at
     * the contract stage and without a live contract (refused with the message Save would give). The drafting form
     * opens only then, so it is never offered for an opportunity Save would refuse.
     */
    public Opportunities.OpportunityRef requireDraftable(UUID opportunityId) {
        Opportunities.OpportunityRef opportunity = requireDrafter(opportunityId);
        if (opportunity.stage() != Stage.CONTRACT) {
            throw new DomainException("contract.opportunity.stage", opportunity.code());
        }
        refuseWhileLive(opportunity.id());
        return opportunity;
    }

    /**
     * Whether the current user may start a draft for the opportunity now ({@link #requireDraftable}) and works it in
     * its stage: the opportunity's page offers "draft contract" only then.
     */
    @Transactional(readOnly = true)
    public boolean mayDraft(UUID opportunityId) {
        CurrentUser me = CurrentUser.require();
        try {
            requireDraftable(opportunityId);
        } catch (DomainException | AccessDeniedException e) {
            return false;
        }
        return opportunities.mayWork(opportunityId) || me.has(Role.SALES_ASSISTANT);
    }

    /**
     * A draft for the opportunity: it must be at the contract stage (合同阶段) and have no live contract;
     * the drafter works the opportunity (its owner, a manager above, the team's sales assistant). The
     * owner of the contract is the opportunity's owner.
     */
    public Contract draft(NewContract n) {
        if (n.opportunityId() == null) {
            throw new FieldValidationException("opportunityId", "contract.opportunity.required");
        }
        CurrentUser me = CurrentUser.require();
        Opportunities.OpportunityRef opportunity = requireDraftable(n.opportunityId());
        contracts.holdOpportunity(opportunity.id());
        // one drafted while this request waited for the hold (a double send): it lost the race
        refuseLostRace(opportunity.id());
        ContractTemplate template = templates.forDrafting(n.templateId());
        DraftSources.Source source = sources.forOpportunity(opportunity.id(), n.quoteId());
        String buyer = customers.find(opportunity.customerId()).map(CustomerDirectory.CustomerRef::name)
                .orElseThrow(() -> new DomainException("contract.customer.unknown"));
        boolean milestonesGiven = n.milestones() != null && !n.milestones().isEmpty();
        List<PaymentMilestone> milestones = milestonesGiven ? n.milestones() : source.milestones();
        BigDecimal amount = n.amount() != null ? n.amount() : source.proposedAmount(milestonesGiven)
                .orElseThrow(() -> new FieldValidationException("amount", "contract.amount.required"));
        Instant now = now();
        ContractRules rules = policy.current().bind(ContractRules.class);
        Contract contract = Contract.draft(new Contract.Draft(
                com.lead2cash.platform.InputRules.isBlank(n.title()) ? opportunity.name() : n.title(), opportunity.id(),
                opportunity.customerId(), n.quoteId() == null ? quoteOf(source) : n.quoteId(), template.id(),
                template.templateVersion(), opportunity.ownerId(), amount, n.riskLevel(), n.termStart(), n.termEnd(),
                buyer, n.buyerTaxId() == null ? buyerTaxIdFor(opportunity.customerId()).orElse(null) : n.buyerTaxId(),
                letterhead.name(),
                template.clauses().stream().map(t -> new Contract.TemplateClause(t.sectionKey(), t.heading(), t.body())).toList(),
                source.values(), milestones, source.lines()),
                // milestones typed now are asked against today; those the minutes gave are asked on submission, after
                // the rep could move a date that passed since the customer confirmed them
                codes.nextDocumentNumber("HT"), me.id(), rules.keptUntil(today(now)), today(now),
                milestonesGiven ? today(now) : null, now);
        Contract saved = storeUnlessAnotherIsLive(contract);
        events.record(saved.id(), "DRAFTED", me.id(), template.code() + " v" + template.templateVersion(), now);
        if (!milestonesGiven && !source.roundings().isEmpty()) {
            // the minutes' percentages were rounded one by one and missed the price: the note says which figure moved
            events.record(saved.id(), "MILESTONES_ROUNDED", me.id(), String.join("; ", source.roundings()), now);
        }
        return saved;
    }

    /** One live contract per opportunity is a business rule: a second one is refused 422 (docs/decisions/0014). */
    private void refuseWhileLive(UUID opportunityId) {
        contracts.findLiveByOpportunity(opportunityId).ifPresent(number -> {
            throw new DomainException("contract.opportunity.hasContract", number);
        });
    }

    /** A live contract that appeared after the request's own check: someone was first, 409 (docs/decisions/0014). */
    private void refuseLostRace(UUID opportunityId) {
        contracts.findLiveByOpportunity(opportunityId).ifPresent(number -> {
            throw new ConflictException("contract.opportunity.hasContract", number);
        });
    }

    /**
     * Stores the new draft; a draft of the same opportunity stored meanwhile despite the hold makes the unique index
     * refuse it, and the loser is told it lost the race (409, a duplicate the database caught), naming the winner:
     * the savepoint keeps the transaction readable, and the winner committed before the index answered.
     */
    private Contract storeUnlessAnotherIsLive(Contract contract) {
        try {
            return savepoint.execute(status -> contracts.save(contract));
        } catch (DuplicateKeyException e) {
            refuseLostRace(contract.opportunityId());
            throw e;
        }
    }

    /**
     * The buyer's taxpayer id a new contract of the customer starts with: the credit code on the customer's
     * record, else the one its latest contract named — the buyer does not change between contracts.
     */
    @Transactional(readOnly = true)
    public java.util.Optional<String> buyerTaxIdFor(UUID customerId) {
        return customers.creditCode(customerId).or(() -> contracts.findLatestBuyerTaxId(customerId));
    }

    public Contract revise(UUID id, Contract.Terms terms, Long version) {
        Contract c = editable(id, version);
        c.revise(terms, today(c.createdAt()), now());
        return contracts.save(c);
    }

    public Contract editSection(UUID id, String key, String heading, String body, Long version) {
        Contract c = editable(id, version);
        c.editSection(key, heading, body, now());
        events.record(c.id(), "SECTION_EDITED", CurrentUser.require().id(), key, now());
        return contracts.save(c);
    }

    public Contract addClause(UUID id, String heading, String body, Long version) {
        Contract c = editable(id, version);
        String key = c.addClause(heading, body, now());
        events.record(c.id(), "CLAUSE_ADDED", CurrentUser.require().id(), key, now());
        return contracts.save(c);
    }

    public Contract removeClause(UUID id, String key, Long version) {
        Contract c = editable(id, version);
        c.removeClause(key, now());
        events.record(c.id(), "CLAUSE_REMOVED", CurrentUser.require().id(), key, now());
        return contracts.save(c);
    }

    /** An attachment (附件: technical agreement, price list) while the contract can still change: reviewed with it. */
    public StoredFile attach(UUID id, String fileName, long size, InputStream content) {
        Contract c = access.visibleForUpdate(id);
        c.requireAction(lifecycle.actor(c), ContractAction.EDIT);
        Instant now = now();
        UUID me = CurrentUser.require().id();
        StoredFile f = files.keep(c, ContractFiles.Kind.ATTACHMENT, null, ContractFiles.SCANS, ContractFiles.MAX_SCAN,
                "file", fileName, size, content, me, now);
        events.record(c.id(), "FILE_ADDED", me, f.fileName(), now);
        return f;
    }

    private Contract editable(UUID id, Long version) {
        Contract c = access.visibleForUpdate(id);
        c.requireAction(lifecycle.actor(c), ContractAction.EDIT);
        c.expectVersion(version);
        return c;
    }

    private static UUID quoteOf(DraftSources.Source source) {
        String id = source.values().get("quote.id");
        return id == null ? null : UUID.fromString(id);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private LocalDate today(Instant now) {
        return LocalDate.ofInstant(now, zone);
    }
}
