package com.lead2cash.customer.internal.activity;

import com.lead2cash.customer.internal.CustomerHistory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * An activity's summary in the reader's language: as written, or — a contact carried from a converted lead — its
 * stored bundle key with its arguments (one starting with {@code #} is itself a key) and the words written as the
 * last argument. Said when read, so a Chinese reader reads Chinese whoever converted the lead.
 */
@Component
public class ActivitySummaries {

    private final MessageSource messages;

    ActivitySummaries(MessageSource messages) {
        this.messages = messages;
    }

    public String said(String summary, String summaryKey, String summaryArgs, Locale locale) {
        if (summaryKey == null) {
            return summary;
        }
        List<Object> args = new ArrayList<>();
        for (String a : CustomerHistory.args(summaryArgs)) {
            args.add(a.startsWith("#") && a.length() > 1 ? messages.getMessage(a.substring(1), null, a.substring(1), locale) : a);
        }
        args.add(summary);
        return messages.getMessage(summaryKey, args.toArray(), summary, locale);
    }
}
