package com.lead2cash.platform;

import java.util.Collection;
import java.util.Locale;
import java.util.Map;

/**
 * Lets the module that owns a kind of code say how its codes read where the platform shows values as recorded (the
 * audit trail): an administrative division's code (310000) by its name (上海市), as the module's own pages name it.
 * A module contributes one bean per kind; a code no bean names is shown as recorded. The platform never reads a
 * module's data: it asks here, as it asks {@link RecordNames} for records.
 */
public interface CodeNames {

    /** The kind of code, as the platform knows the fields that hold one ({@code Region}). */
    String kind();

    /** Names for the given codes in the reader's language; codes it does not know are simply absent. */
    Map<String, String> names(Collection<String> codes, Locale locale);
}
