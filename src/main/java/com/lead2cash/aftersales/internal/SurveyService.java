package com.lead2cash.aftersales.internal;

import com.lead2cash.aftersales.SatisfactionSurveys;
import com.lead2cash.confirmation.ConfirmationAnswered;
import com.lead2cash.confirmation.ConfirmationDelivery;
import com.lead2cash.confirmation.ConfirmationDocument;
import com.lead2cash.confirmation.ConfirmationRequest;
import com.lead2cash.confirmation.ConfirmationSubject;
import com.lead2cash.confirmation.ConfirmationView;
import com.lead2cash.confirmation.Confirmations;
import com.lead2cash.confirmation.Purpose;
import com.lead2cash.confirmation.Recipient;
import com.lead2cash.confirmation.SentConfirmation;
import com.lead2cash.customer.CustomerDirectory;
import com.lead2cash.platform.CursorPage;
import com.lead2cash.platform.CurrentUser;
import com.lead2cash.platform.Ids;
import com.lead2cash.platform.OrgDirectory;
import com.lead2cash.platform.RecordNotFoundException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Satisfaction surveys (满意度调查): a rating from 1 to 5 with a comment asked of a customer's contact
 * through the confirmation module, in the contact's language (decision 0098), recorded with the rep, their team and
 * the product line so results can be read per rep, team and product line.
 */
@Service
@Transactional
public class SurveyService implements SatisfactionSurveys {

    private final Confirmations confirmations;
    private final CustomerDirectory customers;
    private final OrgDirectory org;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final MessageSource messages;
    private final AftersalesAccess access;

    SurveyService(Confirmations confirmations, CustomerDirectory customers, OrgDirectory org, JdbcClient jdbc,
                  Clock clock, MessageSource messages, AftersalesAccess access) {
        this.messages = messages;
        this.access = access;
        this.confirmations = confirmations;
        this.customers = customers;
        this.org = org;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public Optional<SentConfirmation> send(SurveyRequest r) {
        if (alreadySent(r)) {
            return Optional.empty();
        }
        // a contact without an e-mail address is asked too: the rep passes the link on by phone or WeChat
        Optional<CustomerDirectory.ContactPoint> point = customers.contactPoint(r.contactId())
                .filter(p -> p.customerId().equals(r.customerId()));
        if (point.isEmpty()) {
            return Optional.empty();
        }
        UUID id = Ids.newId();
        Instant now = clock.instant();
        // in the contact's language (zh-CN unless their record says en): the survey, its e-mail and the page it opens
        Locale language = point.get().language();
        SentConfirmation confirmation = confirmations.request(new ConfirmationRequest(Purpose.RATE,
                ConfirmationSubject.of(AftersalesAccess.SURVEY, id, 1), document(r, language),
                new Recipient(point.get().contactId(), point.get().name(), point.get().email(), language), r.repId(),
                r.requestedBy(), null, language));
        insert(id, r, confirmation.confirmation().id(), now, null, null, null);
        return Optional.of(confirmation);
    }

    /**
     * A complaint closed with the customer's rating: that rating (the RATED confirmation) is the complaint's
     * survey result, recorded as answered, so no second survey asks the same customer again.
     */
    void recordRating(SurveyRequest r, ConfirmationView rated) {
        if (r.occasion() != Occasion.COMPLAINT_CLOSED || rated.rating() == null || alreadySent(r)) {
            return;
        }
        Instant answeredAt = rated.answeredAt() != null ? rated.answeredAt() : clock.instant();
        insert(Ids.newId(), r, rated.id(), rated.sentAt() != null ? rated.sentAt() : answeredAt, rated.rating(),
                rated.comment(), answeredAt);
    }

    /** The surveys of a customer, newest first; for a page that has checked the reader may see the customer. */
    @Transactional(readOnly = true)
    public List<Survey> ofCustomer(UUID customerId) {
        return surveys("customer_id = :key", customerId);
    }

    /** The survey sent for a subject (a complaint, an order), if any; for a page that has checked its record. */
    @Transactional(readOnly = true)
    public Optional<Survey> of(Occasion occasion, UUID subjectId) {
        return surveys("subject_id = :key", subjectId).stream().filter(v -> v.occasion() == occasion).findFirst();
    }

    /**
     * A customer's surveys a page at a time, newest first (by when each was sent), optionally only the one of a subject
     * (a complaint, an order); 404 when the reader neither reads the customer nor serves it in after-sales — its
     * after-sales owner, or the handler of the complaint asked about ({@link AftersalesAccess#serves}) — never a hint
     * that it exists.
     */
    @Transactional(readOnly = true)
    public CursorPage<Survey> page(UUID customerId, UUID subjectId, String cursor, int size) {
        if (!access.serves(customerId, subjectId)) {
            customers.requireVisible(customerId);
        }
        StringBuilder where = new StringBuilder("customer_id = :key");
        Map<String, Object> params = new java.util.HashMap<>();
        params.put("key", customerId);
        if (subjectId != null) {
            where.append(" and subject_id = :subject");
            params.put("subject", subjectId);
        }
        if (cursor != null && !cursor.isBlank()) {
            CursorPage.Key key = CursorPage.decode("survey", cursor, 2);
            where.append(" and (sent_at, id) < (:k0, :k1)");
            params.put("k0", key.timestamp(0));
            params.put("k1", key.uuid(1));
        }
        List<Row> rows = rows(where + " order by sent_at desc, id desc limit " + (size + 1), params);
        CursorPage<Row> page = CursorPage.of("survey", rows, size, r -> List.of(r.sentAt(), r.id()));
        List<Survey> items = surveys(page.items());
        return new CursorPage<>(items, page.nextCursor());
    }

    private record Row(UUID id, Occasion occasion, UUID subject, UUID customer, UUID confirmation, Instant sentAt) {
    }

    private List<Row> rows(String whereAndOrder, Map<String, Object> params) {
        return jdbc.sql("select id, occasion, subject_id, customer_id, confirmation_id, sent_at from aftersales_survey "
                        + "where " + whereAndOrder)
                .params(params)
                .query((rs, i) -> new Row(rs.getObject("id", UUID.class), Occasion.valueOf(rs.getString("occasion")),
                        rs.getObject("subject_id", UUID.class), rs.getObject("customer_id", UUID.class),
                        rs.getObject("confirmation_id", UUID.class), rs.getTimestamp("sent_at").toInstant()))
                .list();
    }

    private List<Survey> surveys(String where, UUID key) {
        return surveys(rows(where + " order by sent_at desc, id desc", Map.of("key", key)));
    }

    private List<Survey> surveys(List<Row> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        // both modules asked once for all the rows (a customer's card lists all its surveys)
        Map<UUID, ConfirmationDelivery> sent = confirmations.findAll(rows.stream().map(Row::confirmation).toList());
        Set<UUID> visibleCustomers = customers.names(rows.stream().map(Row::customer).distinct().toList()).keySet();
        return rows.stream()
                .filter(r -> sent.containsKey(r.confirmation()))
                .map(r -> new Survey(r.id(), r.occasion(), r.subject(), sent.get(r.confirmation()).confirmation(),
                        sent.get(r.confirmation()).email(), visibleCustomers.contains(r.customer())
                        || access.serves(r.customer(), r.occasion() == Occasion.COMPLAINT_CLOSED ? r.subject() : null)))
                .toList();
    }

    /**
     * The survey as the reader sees it; 404 when it is unknown or the reader neither reads its customer nor serves it
     * in after-sales ({@link Survey#customerVisible}). What the
     * reader may do with it is the survey's answer ({@link Survey#availableActions}).
     */
    @Transactional(readOnly = true)
    public Survey visible(UUID surveyId) {
        return surveys("id = :key", surveyId).stream().filter(Survey::customerVisible).findFirst()
                .orElseThrow(() -> new RecordNotFoundException(AftersalesAccess.SURVEY, surveyId));
    }

    /**
     * A fresh link to the survey for the rep (or the after-sales owner) to pass on (by phone, WeChat); the earlier links
     * stop working. 404 when the survey is unknown or the reader neither reads its customer nor serves it; 422 once it can no longer be answered.
     */
    public SentConfirmation renewLink(UUID surveyId) {
        return renewLink(surveys("id = :key", surveyId).stream().findFirst()
                .orElseThrow(() -> new RecordNotFoundException(AftersalesAccess.SURVEY, surveyId)));
    }

    /** {@link #renewLink(UUID)} for a survey the caller has read already (a page that showed why it offers none). */
    public SentConfirmation renewLink(Survey survey) {
        survey.requireAction(Survey.Action.RENEW_LINK);
        return confirmations.renewLink(survey.confirmation().id(), CurrentUser.require().id());
    }

    /** A survey with the rep, their team and the product line it rates; answered already when given a rating. */
    private void insert(UUID id, SurveyRequest r, UUID confirmation, Instant sentAt, Integer rating, String comment,
                        Instant answeredAt) {
        jdbc.sql("""
                insert into aftersales_survey (id, customer_id, occasion, subject_id, rep_id, team_id, product_line,
                                               confirmation_id, sent_at, rating, comment, answered_at)
                values (:id, :customer, :occasion, :subject, :rep, :team, :line, :confirmation, :sent, :rating,
                        :comment, :answered)""")
                .param("id", id).param("customer", r.customerId()).param("occasion", r.occasion().name())
                .param("subject", r.subjectId()).param("rep", r.repId()).param("team", teamOf(r.repId()))
                .param("line", r.productLine()).param("confirmation", confirmation)
                .param("sent", Timestamp.from(sentAt)).param("rating", rating, java.sql.Types.INTEGER)
                .param("comment", comment, java.sql.Types.VARCHAR)
                .param("answered", answeredAt == null ? null : Timestamp.from(answeredAt), java.sql.Types.TIMESTAMP)
                .update();
    }

    private boolean alreadySent(SurveyRequest r) {
        return jdbc.sql("select count(*) from aftersales_survey where occasion = :o and subject_id = :s")
                .param("o", r.occasion().name()).param("s", r.subjectId()).query(Integer.class).single() > 0;
    }

    private UUID teamOf(UUID repId) {
        return repId == null ? null : org.person(repId).map(OrgDirectory.Person::orgUnitId).orElse(null);
    }

    /**
     * The survey as the contact reads it, in the language it is sent in only (the page around it is in the reader's),
     * its texts from the bundles as the other documents a contact is asked about.
     */
    ConfirmationDocument document(SurveyRequest r, Locale locale) {
        String occasion = r.occasion().name();
        return new ConfirmationDocument(messages.getMessage("aftersales.survey.doc.title",
                new Object[] {r.subjectLabel()}, locale), List.of(new ConfirmationDocument.Paragraph("",
                messages.getMessage("aftersales.survey.doc.text." + occasion, null, locale))));
    }

    /** The contact's answer is the survey's result. */
    @ApplicationModuleListener
    void on(ConfirmationAnswered answered) {
        if (!AftersalesAccess.SURVEY.equals(answered.subjectType()) || answered.rating() == null) {
            return;
        }
        jdbc.sql("update aftersales_survey set rating = :rating, comment = :comment, answered_at = :at "
                        + "where id = :id and rating is null")
                .param("rating", answered.rating()).param("comment", answered.comment())
                .param("at", Timestamp.from(answered.answeredAt())).param("id", UUID.fromString(answered.subjectId()))
                .update();
    }
}
