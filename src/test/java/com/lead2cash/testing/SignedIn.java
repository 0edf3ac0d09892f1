package com.lead2cash.testing;

import com.lead2cash.platform.CurrentUser;
import com.lead2cash.platform.internal.identity.User;
import java.io.IOException;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Runs a service call as a signed-in user, outside any request — for services a test calls directly (a streamed
 * export into a stream of the test's own) that read the caller's data scope as an endpoint would.
 */
public final class SignedIn {

    private SignedIn() {
    }

    /** A call that may fail with an I/O error (an export writing its stream). */
    public interface Call<T> {
        T run() throws IOException;
    }

    public static <T> T as(User user, Call<T> call) throws IOException {
        var previous = SecurityContextHolder.getContext();
        var context = SecurityContextHolder.createEmptyContext();
        CurrentUser me = new CurrentUser(user.id(), user.username(), user.displayName(), user.orgUnitId(), user.roleSet());
        context.setAuthentication(new TestingAuthenticationToken((CurrentUser.HasCurrentUser) () -> me, null));
        SecurityContextHolder.setContext(context);
        try {
            return call.run();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }
}
