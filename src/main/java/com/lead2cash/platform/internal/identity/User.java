package com.lead2cash.platform.internal.identity;

import com.lead2cash.platform.FieldValidationException;
import com.lead2cash.platform.Ids;
import com.lead2cash.platform.NotAudited;
import com.lead2cash.platform.Role;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/** 用户 — a person who signs in: member of one org unit, with roles and a hire date (seniority). */
@Table("platform_user")
public class User {

    private static final Pattern USERNAME = Pattern.compile("[a-zA-Z0-9._-]{3,40}");

    @Id
    private UUID id;
    private String username;
    private String displayName;
    private String email;
    @NotAudited
    private String passwordHash;
    private Instant passwordChangedAt;
    private UUID orgUnitId;
    private LocalDate hireDate;
    private boolean active;
    @NotAudited
    private int failedLogins;
    @NotAudited
    private Instant lockedUntil;
    private boolean demo;
    @MappedCollection(idColumn = "platform_user")
    private Set<RoleGrant> roles;
    @Version
    private Long version;
    private Instant createdAt;
    @NotAudited
    private Instant updatedAt;

    @PersistenceCreator
    User(UUID id, String username, String displayName, String email, String passwordHash, Instant passwordChangedAt,
         UUID orgUnitId, LocalDate hireDate, boolean active, int failedLogins, Instant lockedUntil, boolean demo,
         Set<RoleGrant> roles, Long version, Instant createdAt, Instant updatedAt) {
        this.id = id;
        this.username = username;
        this.displayName = displayName;
        this.email = email;
        this.passwordHash = passwordHash;
        this.passwordChangedAt = passwordChangedAt;
        this.orgUnitId = orgUnitId;
        this.hireDate = hireDate;
        this.active = active;
        this.failedLogins = failedLogins;
        this.lockedUntil = lockedUntil;
        this.demo = demo;
        this.roles = roles;
        this.version = version;
        this.createdAt = createdAt;
        this.updatedAt = updatedAt;
    }

    /** A new user; the password arrives already hashed. */
    public static User register(String username, String displayName, String email, String passwordHash,
                                UUID orgUnitId, LocalDate hireDate, Collection<Role> roles, boolean demo,
                                Instant now) {
        List<FieldValidationException.FieldError> problems = new ArrayList<>(usernameProblems(username));
        problems.addAll(profileProblems(displayName, email, orgUnitId, hireDate, roles, now));
        if (!problems.isEmpty()) {
            throw new FieldValidationException(problems);
        }
        User user = new User(Ids.newId(), username, null, null, passwordHash, null, null, null, true, 0, null, demo,
                Set.of(), null, now, now);
        user.changeProfile(displayName, email, orgUnitId, hireDate, roles, now);
        return user;
    }

    /** What refuses a username: none, or one that is not 3 to 40 letters, digits, dots, dashes or underscores. */
    static List<FieldValidationException.FieldError> usernameProblems(String username) {
        if (username == null || !USERNAME.matcher(username).matches()) {
            return List.of(new FieldValidationException.FieldError("username", "user.username.invalid"));
        }
        return List.of();
    }

    /**
     * Everything that refuses a profile, every field refused named together (a display name and an email refused at
     * once are both said), in the form's order; empty when it is taken.
     */
    static List<FieldValidationException.FieldError> profileProblems(String displayName, String email, UUID orgUnitId,
                                                                    LocalDate hireDate, Collection<Role> roles,
                                                                    Instant now) {
        List<FieldValidationException.FieldError> problems = new ArrayList<>();
        if (com.lead2cash.platform.InputRules.isBlank(displayName) || displayName.length() > 60) {
            problems.add(new FieldValidationException.FieldError("displayName", "user.displayName.invalid"));
        }
        String mail = email == null || email.isBlank() ? null : email.trim();
        if (mail != null && !com.lead2cash.platform.EmailShape.plausible(mail)) {
            problems.add(new FieldValidationException.FieldError("email", "user.email.invalid"));
        }
        if (orgUnitId == null) {
            problems.add(new FieldValidationException.FieldError("orgUnitId", "user.orgUnit.required"));
        }
        boolean noRoles = roles == null || roles.isEmpty();
        if (noRoles) {
            problems.add(new FieldValidationException.FieldError("roles", "user.roles.required"));
        }
        // the hire date's range is decided here (OwnDateRange), refused with the other fields, not before them
        if (hireDate != null && hireDate.isAfter(now.atZone(java.time.ZoneOffset.UTC).toLocalDate().plusYears(1))) {
            problems.add(new FieldValidationException.FieldError("hireDate", "user.hireDate.future"));
        } else if (hireDate != null && hireDate.isBefore(com.lead2cash.platform.InputRules.FIRST_DATE)) {
            problems.add(new FieldValidationException.FieldError("hireDate", "user.hireDate.past"));
        } else if (!noRoles && lacksHireDate(hireDate, roles)) {
            // SPEC §1: seniority decides who may take A leads (L4); unknown, a sales person would pass for a junior one
            problems.add(new FieldValidationException.FieldError("hireDate", "user.hireDate.required"));
        }
        return problems;
    }

    public void changeProfile(String displayName, String email, UUID orgUnitId, LocalDate hireDate,
                              Collection<Role> roles, Instant now) {
        List<FieldValidationException.FieldError> problems = profileProblems(displayName, email, orgUnitId, hireDate,
                roles, now);
        if (!problems.isEmpty()) {
            throw new FieldValidationException(problems);
        }
        String mail = email == null || email.isBlank() ? null : email.trim();
        this.displayName = com.lead2cash.platform.InputRules.strip(displayName);
        this.email = mail;
        this.orgUnitId = orgUnitId;
        this.hireDate = hireDate;
        this.roles = EnumSet.copyOf(roles).stream().map(RoleGrant::new).collect(Collectors.toSet());
        this.updatedAt = now;
    }

    /** A new password; web sessions signed in with the old one end (see {@link #passwordChangedAt()}). */
    public void changePassword(String newPasswordHash, Instant now) {
        this.passwordHash = newPasswordHash;
        this.passwordChangedAt = now;
        this.updatedAt = now;
    }

    public void deactivate(Instant now) {
        this.active = false;
        this.updatedAt = now;
    }

    public void activate(Instant now) {
        this.active = true;
        this.failedLogins = 0;
        this.lockedUntil = null;
        this.updatedAt = now;
    }

    public boolean isLocked(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }

    public Set<Role> roleSet() {
        return roles.stream().map(RoleGrant::role).collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)));
    }

    public UUID id() { return id; }
    public String username() { return username; }
    public String displayName() { return displayName; }
    public String email() { return email; }
    public String passwordHash() { return passwordHash; }
    public Instant passwordChangedAt() { return passwordChangedAt; }
    public UUID orgUnitId() { return orgUnitId; }
    public LocalDate hireDate() { return hireDate; }
    public boolean active() { return active; }
    public Instant lockedUntil() { return lockedUntil; }
    public boolean demo() { return demo; }
    public Long version() { return version; }
    public Instant createdAt() { return createdAt; }

    /** Used by the API to apply the client's version, so that a stale update fails with 409. */
    public void expectVersion(Long expected) {
        if (expected != null) {
            this.version = expected;
        }
    }

    /** One role held by the user (a row of platform_user_role). */
    @Table("platform_user_role")
    record RoleGrant(Role role) {
    }

    /** A person holding leads without the hire date their seniority is counted from (L4): refused, or marked if old. */
    static boolean lacksHireDate(java.time.LocalDate hireDate, java.util.Collection<Role> roles) {
        return hireDate == null && roles.stream().anyMatch(Role::holdsLeads);
    }
}
