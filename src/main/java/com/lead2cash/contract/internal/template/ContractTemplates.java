package com.lead2cash.contract.internal.template;

import com.lead2cash.platform.AuditTrail;
import com.lead2cash.platform.CurrentUser;
import com.lead2cash.platform.DomainException;
import com.lead2cash.platform.RecordNotFoundException;
import java.time.Clock;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Contract templates as legal manages them (合同模板管理): new templates and new versions as drafts,
 * editing a draft, publishing it (the version in use before retires), and the template a draft is made
 * on. Only legal and administrators change templates (the controllers check the role).
 */
@Service
@Transactional
public class ContractTemplates {

    /** The standard sales contract: the template a draft uses when none is named. */
    public static final String STANDARD = "STD-SALES";

    private final ContractTemplateRepository templates;
    private final AuditTrail audit;
    private final Clock clock;

    ContractTemplates(ContractTemplateRepository templates, AuditTrail audit, Clock clock) {
        this.templates = templates;
        this.audit = audit;
        this.clock = clock;
    }

    /** Every template by code, each with its versions newest first. */
    @Transactional(readOnly = true)
    public Map<String, List<ContractTemplate>> all() {
        Map<String, List<ContractTemplate>> byCode = new LinkedHashMap<>();
        templates.findAll().stream()
                .sorted(Comparator.comparing(ContractTemplate::code).thenComparing(ContractTemplate::templateVersion,
                        Comparator.reverseOrder()))
                .forEach(t -> byCode.computeIfAbsent(t.code(), k -> new java.util.ArrayList<>()).add(t));
        return byCode;
    }

    @Transactional(readOnly = true)
    public ContractTemplate get(UUID id) {
        return templates.findById(id).orElseThrow(() -> new RecordNotFoundException("ContractTemplate", id));
    }

    /** The published templates a contract may be drafted on. */
    @Transactional(readOnly = true)
    public List<ContractTemplate> published() {
        return templates.findByStateOrderByCode(TemplateState.PUBLISHED);
    }

    /**
     * The template to draft on: the one named (it must be published), else the standard sales contract,
     * else the only published one.
     */
    @Transactional(readOnly = true)
    public ContractTemplate forDrafting(UUID templateId) {
        if (templateId != null) {
            ContractTemplate t = templates.findById(templateId)
                    .orElseThrow(() -> new com.lead2cash.platform.FieldValidationException("templateId", "contract.template.unknown"));
            if (t.state() != TemplateState.PUBLISHED) {
                throw new com.lead2cash.platform.FieldValidationException("templateId", "contract.template.notPublished");
            }
            return t;
        }
        return templates.findByCodeAndState(STANDARD, TemplateState.PUBLISHED).or(() -> {
            List<ContractTemplate> published = published();
            return published.size() == 1 ? java.util.Optional.of(published.get(0)) : java.util.Optional.empty();
        }).orElseThrow(() -> new com.lead2cash.platform.FieldValidationException("templateId", "contract.template.required"));
    }

    public ContractTemplate create(String code, String name, List<TemplateClauseText> clauses, String note) {
        String normalized = code == null ? "" : code.strip().toUpperCase();
        if (!templates.findByCodeOrderByTemplateVersionDesc(normalized).isEmpty()) {
            throw new com.lead2cash.platform.FieldValidationException("code", "contract.template.codeTaken", normalized);
        }
        ContractTemplate t = templates.save(ContractTemplate.create(code, name, clauses, note, me(), clock.instant()));
        audit.record("TEMPLATE_CREATED", "ContractTemplate", t.id(), t.code() + " v" + t.templateVersion());
        return t;
    }

    /** A new draft version of the template's code, copied from its newest version; one draft at a time. */
    public ContractTemplate newVersion(UUID fromId) {
        ContractTemplate from = get(fromId);
        List<ContractTemplate> versions = templates.findByCodeOrderByTemplateVersionDesc(from.code());
        if (!mayStartVersion(versions)) {
            throw new DomainException("contract.template.draftExists");
        }
        ContractTemplate t = templates.save(versions.get(0).nextVersion(me(), clock.instant()));
        audit.record("TEMPLATE_VERSION", "ContractTemplate", t.id(), t.code() + " v" + t.templateVersion());
        return t;
    }

    /** A new version may be started while none of the template's versions (newest first) is a draft. */
    public static boolean mayStartVersion(List<ContractTemplate> versions) {
        return versions.stream().noneMatch(ContractTemplate::editable);
    }

    public ContractTemplate edit(UUID id, String name, List<TemplateClauseText> clauses, String note, Long version) {
        ContractTemplate t = get(id);
        t.expectVersion(version);
        t.edit(name, clauses, note);
        return templates.save(t);
    }

    public ContractTemplate publish(UUID id, Long version) {
        ContractTemplate t = get(id);
        t.expectVersion(version);
        templates.findByCodeAndState(t.code(), TemplateState.PUBLISHED).ifPresent(previous -> {
            previous.retire();
            templates.save(previous);
        });
        t.publish(me(), clock.instant());
        ContractTemplate saved = templates.save(t);
        audit.record("TEMPLATE_PUBLISHED", "ContractTemplate", t.id(), t.code() + " v" + t.templateVersion());
        return saved;
    }

    private static UUID me() {
        return CurrentUser.require().id();
    }
}
