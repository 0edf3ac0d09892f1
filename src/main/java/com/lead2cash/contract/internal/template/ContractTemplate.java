package com.lead2cash.contract.internal.template;

import com.lead2cash.contract.internal.domain.ContractSection;
import com.lead2cash.contract.internal.domain.Placeholders;
import com.lead2cash.contract.internal.domain.SectionKey;
import com.lead2cash.platform.ConflictException;
import com.lead2cash.platform.DomainException;
import com.lead2cash.platform.FieldValidationException;
import com.lead2cash.platform.Ids;
import com.lead2cash.platform.ListText;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/**
 * 合同模板 — one version of a standard contract that legal maintains: every core clause once, in any
 * order legal chooses, with placeholders a draft fills ({{buyer.name}}). A version is written as a
 * draft, then published; publishing retires the version in use before it, and a published version is
 * never changed again (a contract names the version it was drafted on).
 */
@Table("contract_template")
public class ContractTemplate {

    public static final int MAX_NAME = 100;

    @Id
    private UUID id;
    private String code;
    private String name;
    private int templateVersion;
    private TemplateState state;
    @MappedCollection(idColumn = "template", keyColumn = "position")
    private List<TemplateClauseText> clauses;
    private String note;
    private UUID createdBy;
    private Instant createdAt;
    private UUID publishedBy;
    private Instant publishedAt;
    @Version
    private Long version;

    ContractTemplate() {
    }

    /** The first version of a new template, as a draft. */
    public static ContractTemplate create(String code, String name, List<TemplateClauseText> clauses, String note,
                                         UUID by, Instant now) {
        String c = code == null ? "" : code.strip().toUpperCase();
        if (!c.matches("[A-Z0-9][A-Z0-9-]{1,39}")) {
            throw new FieldValidationException("code", "contract.template.code");
        }
        ContractTemplate t = new ContractTemplate();
        t.id = Ids.newId();
        t.code = c;
        t.templateVersion = 1;
        t.state = TemplateState.DRAFT;
        t.clauses = new ArrayList<>();
        t.createdBy = by;
        t.createdAt = now;
        t.write(name, clauses, note);
        return t;
    }

    /** The next version, a draft copy of this one. */
    public ContractTemplate nextVersion(UUID by, Instant now) {
        ContractTemplate t = new ContractTemplate();
        t.id = Ids.newId();
        t.code = code;
        t.name = name;
        t.templateVersion = templateVersion + 1;
        t.state = TemplateState.DRAFT;
        t.clauses = new ArrayList<>(clauses);
        t.note = null;
        t.createdBy = by;
        t.createdAt = now;
        return t;
    }

    /** Only a draft version is edited or published; published and retired versions are records of what was used. */
    public boolean editable() {
        return state == TemplateState.DRAFT;
    }

    /** Rewrites a draft version: name, clauses and what changed (the note). */
    public void edit(String newName, List<TemplateClauseText> newClauses, String newNote) {
        if (!editable()) {
            throw new DomainException("contract.template.published");
        }
        write(newName, newClauses, newNote);
    }

    private void write(String newName, List<TemplateClauseText> newClauses, String newNote) {
        List<FieldValidationException.FieldError> errors = new ArrayList<>();
        String n = newName == null ? "" : com.lead2cash.platform.InputRules.strip(newName);
        if (n.isEmpty() || n.length() > MAX_NAME) {
            errors.add(new FieldValidationException.FieldError("name", "contract.template.name", MAX_NAME));
        }
        List<TemplateClauseText> list = newClauses == null ? List.of() : newClauses;
        Set<SectionKey> seen = EnumSet.noneOf(SectionKey.class);
        List<TemplateClauseText> kept = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            TemplateClauseText clause = list.get(i);
            String at = "clauses[" + i + "]";
            SectionKey key = clause == null || clause.sectionKey() == null ? null : parse(clause.sectionKey());
            if (key == null || !key.core()) {
                errors.add(new FieldValidationException.FieldError(at + ".sectionKey", "contract.template.sectionKey"));
                continue;
            }
            if (!seen.add(key)) {
                errors.add(new FieldValidationException.FieldError(at + ".sectionKey", "contract.template.duplicate", key.name()));
            }
            String heading = clause.heading() == null ? "" : clause.heading().strip();
            String body = clause.body() == null ? "" : clause.body().strip().replace("\r\n", "\n");
            if (heading.isEmpty() || heading.length() > ContractSection.MAX_HEADING) {
                errors.add(new FieldValidationException.FieldError(at + ".heading", "contract.section.heading",
                        ContractSection.MAX_HEADING));
            }
            if (body.isEmpty() || body.length() > ContractSection.MAX_BODY) {
                errors.add(new FieldValidationException.FieldError(at + ".body", "contract.section.body", ContractSection.MAX_BODY));
            }
            Set<String> unknown = Placeholders.unknownIn(body);
            if (!unknown.isEmpty()) {
                errors.add(new FieldValidationException.FieldError(at + ".body", "contract.template.placeholder",
                        ListText.of(unknown)));
            }
            kept.add(new TemplateClauseText(key.name(), heading, body));
        }
        for (SectionKey k : SectionKey.values()) {
            if (k.core() && !seen.contains(k)) {
                errors.add(new FieldValidationException.FieldError("clauses", "contract.template.missing", k.name()));
            }
        }
        String why = newNote == null || newNote.isBlank() ? null : newNote.strip();
        if (why != null && why.length() > 1000) {
            errors.add(new FieldValidationException.FieldError("note", "contract.field.tooLong", 1000));
        }
        if (!errors.isEmpty()) {
            throw new FieldValidationException(errors);
        }
        name = n;
        clauses.clear();
        clauses.addAll(kept);
        note = why;
    }

    /** DRAFT → PUBLISHED: contracts are drafted on it from now on. */
    public void publish(UUID by, Instant now) {
        if (!editable()) {
            throw new DomainException("contract.template.published");
        }
        if (clauses.isEmpty()) {
            throw new DomainException("contract.template.empty");
        }
        state = TemplateState.PUBLISHED;
        publishedBy = by;
        publishedAt = now;
    }

    /** A newer version was published. */
    void retire() {
        if (state == TemplateState.PUBLISHED) {
            state = TemplateState.RETIRED;
        }
    }

    public void expectVersion(Long expected) {
        if (expected != null && !Objects.equals(expected, version)) {
            throw new ConflictException("error.staleVersion");
        }
    }

    private static SectionKey parse(String key) {
        try {
            return SectionKey.valueOf(key.strip().toUpperCase());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    public UUID id() { return id; }
    public String code() { return code; }
    public String name() { return name; }
    public int templateVersion() { return templateVersion; }
    public TemplateState state() { return state; }
    public List<TemplateClauseText> clauses() { return Collections.unmodifiableList(clauses); }
    public String note() { return note; }
    public UUID createdBy() { return createdBy; }
    public Instant createdAt() { return createdAt; }
    public UUID publishedBy() { return publishedBy; }
    public Instant publishedAt() { return publishedAt; }
    public Long version() { return version; }
}
