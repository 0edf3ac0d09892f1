package com.lead2cash.platform;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

/** The person behind the current request, as far as business code needs to know. */
public record CurrentUser(UUID id, String username, String displayName, UUID orgUnitId, Set<Role> roles)
        implements java.io.Serializable {

    public CurrentUser {
        roles = Set.copyOf(roles);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public boolean hasAny(Role... candidates) {
        for (Role r : candidates) {
            if (roles.contains(r)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the user has any of the roles a module lets do something (its READERS, SELLERS…). */
    public boolean hasAny(java.util.Collection<Role> candidates) {
        return candidates.stream().anyMatch(roles::contains);
    }

    /** A sales director or a regional / sales manager: the people who assign, arbitrate and decide. */
    public boolean isManager() {
        return roles.stream().anyMatch(Role::isManagerial);
    }

    /** The widest data scope any of the user's roles grants. */
    public ScopeKind scopeKind() {
        return roles.stream().map(Role::defaultScope).reduce(ScopeKind.SELF, ScopeKind::widest);
    }

    /** The widest scope over personal data any of {@code roles} grants ({@link Role#personalDataScope}). */
    public static ScopeKind personalDataScopeKind(java.util.Collection<Role> roles) {
        return roles.stream().map(Role::personalDataScope).reduce(ScopeKind.SELF, ScopeKind::widest);
    }

    /** A person of the organisation as the actor of work done for them (an import, a scope decided for them). */
    public static CurrentUser of(OrgDirectory.Person person) {
        return new CurrentUser(person.id(), person.username(), person.displayName(), person.orgUnitId(), person.roles());
    }

    /** The user authenticated on this thread, if any. */
    public static Optional<CurrentUser> get() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof HasCurrentUser holder) {
            return Optional.of(holder.currentUser());
        }
        return Optional.empty();
    }

    /** The authenticated user; business operations that need an actor call this. */
    public static CurrentUser require() {
        return get().orElseThrow(() -> new IllegalStateException("no authenticated user on this thread"));
    }

    /**
     * Runs {@code work} on this thread as this user and restores the thread's own identity after:
     * background work done for someone (an import runs as the person who uploaded it) is recorded
     * in the audit trail and the lead history as theirs.
     */
    public <T> T actAs(Supplier<T> work) {
        SecurityContext before = SecurityContextHolder.getContext();
        SecurityContext acting = SecurityContextHolder.createEmptyContext();
        acting.setAuthentication(UsernamePasswordAuthenticationToken.authenticated((HasCurrentUser) () -> this, null,
                roles.stream().map(r -> new SimpleGrantedAuthority(r.authority())).toList()));
        SecurityContextHolder.setContext(acting);
        try {
            return work.get();
        } finally {
            SecurityContextHolder.setContext(before);
        }
    }

    /**
     * Runs {@code work} as this person when there is one, else on the thread's own identity: work heard after a commit
     * with no one signed in, done for someone (a proposal's approval submitted for its proposer), is theirs in the
     * audit trail.
     */
    public static void actAs(Optional<OrgDirectory.Person> person, Runnable work) {
        person.map(CurrentUser::of).ifPresentOrElse(user -> user.actAs(() -> {
            work.run();
            return null;
        }), work);
    }

    /** Implemented by the security principal so that business code never sees Spring Security types. */
    public interface HasCurrentUser {
        CurrentUser currentUser();
    }
}
