package com.lead2cash.customer;

import com.lead2cash.platform.CurrentUser;
import com.lead2cash.platform.Role;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Lets another module put its records on a customer's timeline (客户动态): opportunities,
 * confirmations, needs analyses, contracts, orders, receipts. A module contributes one bean; the customer
 * page merges every contributor's entries into one chronological, keyset-paged view. Only called for a
 * customer the reader may see and a reader holding one of {@link #visibleTo()}, so a contributor need not
 * check the customer's scope again; it links a record only when the reader's scope opens that record.
 */
public interface TimelineContributor {

    /**
     * At most {@code limit} entries about the customer strictly after {@code cursor} in timeline order
     * (newest first); {@link TimelineCursor#sqlPredicate} builds the condition.
     */
    List<TimelineEntry> entries(UUID customerId, TimelineCursor cursor, int limit);

    /**
     * The roles the contributing module's routes admit (empty: everyone who sees the customer), as
     * {@link CustomerPagePanel#visibleTo()}: a reader those routes refuse is not shown the module's records.
     */
    default Set<Role> visibleTo() {
        return Set.of();
    }

    default boolean visibleFor(CurrentUser reader) {
        Set<Role> roles = visibleTo();
        return roles.isEmpty() || roles.stream().anyMatch(reader::has);
    }
}
