package com.lead2cash.platform;

/**
 * The name an uploaded file is kept under, decided here for every upload (kept files and imports alike): the
 * last segment of what the browser sent ({@code ../../etc/passwd.png} is {@code passwd.png}), without control
 * and bidi characters, at most {@link #MAX} characters. A longer name (the container takes names of several
 * thousand bytes) is cut at the front, so its extension stays.
 */
public final class UploadNames {

    /** The longest name kept, as a file system allows. */
    public static final int MAX = 255;

    private UploadNames() {
    }

    /** The name as kept; {@code fallback} where nothing of it is left. */
    public static String kept(String uploaded, String fallback) {
        String name = shortened(cleaned(uploaded));
        return name.isEmpty() ? fallback : name;
    }

    /**
     * The last segment of what the browser sent, without control and bidi characters (U+202E makes
     * "x\u202Egnp.exe" read as "xexe.png") or the direction marks, trimmed; not yet shortened.
     */
    public static String cleaned(String uploaded) {
        String name = uploaded == null ? "" : uploaded.strip();
        // a browser may send a path; keep the last segment
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        return name.replaceAll("\\p{Cntrl}", "").chars()
                .filter(c -> !InputRules.isBidiControl((char) c) && c != '\u200e' && c != '\u200f')
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString()
                .strip();
    }

    /** At most {@link #MAX} characters, cut at the front so the extension stays; never half a surrogate pair. */
    public static String shortened(String name) {
        if (name.length() <= MAX) {
            return name;
        }
        String cut = name.substring(name.length() - MAX);
        return Character.isLowSurrogate(cut.charAt(0)) ? cut.substring(1) : cut;
    }
}
