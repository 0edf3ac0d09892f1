package com.lead2cash.contract.internal.domain;

import java.io.Serializable;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;

/**
 * Placeholders a refusal names, each by its label in the reader's words ({@code contract.placeholder.buyer.taxId}:
 * "the customer's unified social credit code") and, without a label, as written ({{name}}), joined as a list reads
 * in the reader's language. Resolved where the refusal is shown, as the refusal is built before anyone knows the
 * reader's language; serializable, so it may travel in a flash. Only known placeholders are named, so never many.
 */
record PlaceholderLabels(List<String> names) implements MessageSourceResolvable, Serializable {

    PlaceholderLabels {
        names = List.copyOf(names);
    }

    @Override
    public String[] getCodes() {
        return null;
    }

    /** The reader's list separator first, then each placeholder's label. */
    @Override
    public Object[] getArguments() {
        Object[] args = new Object[names.size() + 1];
        args[0] = new DefaultMessageSourceResolvable("list.separator");
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            args[i + 1] = new DefaultMessageSourceResolvable(new String[] {"contract.placeholder." + name}, null,
                    "{{" + name + "}}");
        }
        return args;
    }

    /** "{1}{0}{2}{0}{3}": the labels between separators. */
    @Override
    public String getDefaultMessage() {
        return IntStream.rangeClosed(1, names.size()).mapToObj(i -> "{" + i + "}").collect(Collectors.joining("{0}"));
    }

    @Override
    public String toString() {
        return String.join(", ", names);
    }
}
