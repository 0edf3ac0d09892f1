package com.lead2cash.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.lead2cash.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;

/** The session store under two requests of one session at once (a form sent twice, two tabs posting). */
@IntegrationTest
class SessionStoreTest {

    @Autowired JdbcIndexedSessionRepository repository;

    @Test
    @SuppressWarnings("unchecked")
    void twoRequestsOfOneSessionThatSetTheSameNewAttributeBothSave() {
        // its session class is private: used as the store's interface, as the session filter does
        SessionRepository<Session> sessions = (SessionRepository<Session>) (SessionRepository<?>) repository;
        Session session = sessions.createSession();
        session.setAttribute("signedIn", "yes");
        sessions.save(session);

        // each request read the session before the other saved it: both add the flash attribute
        Session first = sessions.findById(session.getId());
        Session second = sessions.findById(session.getId());
        first.setAttribute("flash", "first");
        second.setAttribute("flash", "second");
        sessions.save(first);

        assertThatCode(() -> sessions.save(second)).as("the second insert of the attribute").doesNotThrowAnyException();
        assertThat(sessions.findById(session.getId()).<String>getAttribute("flash")).isEqualTo("second");
        assertThat(sessions.findById(session.getId()).<String>getAttribute("signedIn")).isEqualTo("yes");
    }
}
