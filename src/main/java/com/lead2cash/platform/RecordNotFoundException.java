package com.lead2cash.platform;

import org.springframework.context.support.DefaultMessageSourceResolvable;

/** The record does not exist, or lies outside the caller's data scope: both answer 404 alike. */
public class RecordNotFoundException extends DomainException {

    /**
     * {@code entityType} is the subject type ("Order"); the message names it in the reader's words
     * ({@code record.type.Order}), the type itself where no word is kept.
     */
    public RecordNotFoundException(String entityType, Object id) {
        super("error.notFound", new DefaultMessageSourceResolvable(new String[] {"record.type." + entityType}, entityType),
                String.valueOf(id));
    }

    /**
     * A record named by no id worth repeating (a secret of a link, which the answer should not echo): the message
     * names its type alone.
     */
    public RecordNotFoundException(String entityType) {
        super("error.notFoundUnnamed",
                new DefaultMessageSourceResolvable(new String[] {"record.type." + entityType}, entityType));
    }
}
