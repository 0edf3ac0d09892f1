package com.lead2cash.customer;

import java.util.List;
import java.util.UUID;

/**
 * Lets another module put its records on a customer's timeline (客户动态): opportunities,
 * confirmations, needs analyses. A module contributes one bean; the customer page merges every
 * contributor's entries into one chronological, keyset-paged view. Only called for a customer the
 * reader may see, so a contributor need not check the customer's scope again.
 */
public interface TimelineContributor {

    /**
     * At most {@code limit} entries about the customer strictly after {@code cursor} in timeline order
     * (newest first); {@link TimelineCursor#sqlPredicate} builds the condition.
     */
    List<TimelineEntry> entries(UUID customerId, TimelineCursor cursor, int limit);
}
