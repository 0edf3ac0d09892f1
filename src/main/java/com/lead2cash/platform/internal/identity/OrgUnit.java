package com.lead2cash.platform.internal.identity;

import com.lead2cash.platform.FieldValidationException;
import com.lead2cash.platform.Ids;
import com.lead2cash.platform.NotAudited;
import java.time.Instant;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/** 组织单元 — a node of the company tree (company → region / department → team), with its manager. */
@Table("platform_org_unit")
public class OrgUnit {

    @Id
    private UUID id;
    private UUID parentId;
    private String name;
    @NotAudited
    private String path;
    private UUID managerId;
    private boolean demo;
    @Version
    private Long version;
    private Instant createdAt;
    @NotAudited
    private Instant updatedAt;

    @PersistenceCreator
    OrgUnit(UUID id, UUID parentId, String name, String path, UUID managerId, boolean demo, Long version,
            Instant createdAt, Instant updatedAt) {
        this.id = id;
        this.parentId = parentId;
        this.name = name;
        this.path = path;
        this.managerId = managerId;
        this.demo = demo;
        this.version = version;
        this.createdAt = createdAt;
        this.updatedAt = updatedAt;
    }

    public static OrgUnit root(String name, boolean demo, Instant now) {
        UUID id = Ids.newId();
        return new OrgUnit(id, null, validName(name), "/" + id + "/", null, demo, null, now, now);
    }

    public OrgUnit child(String name, boolean demo, Instant now) {
        UUID childId = Ids.newId();
        return new OrgUnit(childId, id, validName(name), path + childId + "/", null, demo, null, now, now);
    }

    public void rename(String newName, Instant now) {
        this.name = validName(newName);
        this.updatedAt = now;
    }

    public void appointManager(UUID userId, Instant now) {
        this.managerId = userId;
        this.updatedAt = now;
    }

    /** True when {@code other} is this unit or lies below it. */
    public boolean contains(OrgUnit other) {
        return other.path.startsWith(path);
    }

    /** Moves this unit under a new parent; the caller re-paths the subtree (paths are derived). */
    void moveUnder(OrgUnit newParent, Instant now) {
        if (contains(newParent)) {
            throw new FieldValidationException("parentId", "org.parent.cycle");
        }
        this.parentId = newParent.id;
        this.path = newParent.path + id + "/";
        this.updatedAt = now;
    }

    private static String validName(String name) {
        String stripped = com.lead2cash.platform.InputRules.trimToNull(name);
        if (stripped == null) {
            throw new FieldValidationException("name", "org.name.required");
        }
        if (stripped.length() > 100) {
            throw new FieldValidationException("name", "org.name.invalid");
        }
        return stripped;
    }

    public UUID id() { return id; }
    public UUID parentId() { return parentId; }
    public String name() { return name; }
    public String path() { return path; }
    public UUID managerId() { return managerId; }
    public boolean demo() { return demo; }
    public Long version() { return version; }

    public void expectVersion(Long expected) {
        if (expected != null) {
            this.version = expected;
        }
    }

    public int depth() {
        return (int) path.chars().filter(c -> c == '/').count() - 2;
    }
}
