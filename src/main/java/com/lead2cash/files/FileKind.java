package com.lead2cash.files;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** The kinds of content the product accepts, each with the media type content detection names it by. */
public enum FileKind {
    PDF("application/pdf", "pdf"),
    JPEG("image/jpeg", "jpg", "jpeg"),
    PNG("image/png", "png");

    private final String mediaType;
    private final String extension;
    private final Set<String> otherExtensions;

    FileKind(String mediaType, String extension, String... otherExtensions) {
        this.mediaType = mediaType;
        this.extension = extension;
        this.otherExtensions = Set.of(otherExtensions);
    }

    public String mediaType() {
        return mediaType;
    }

    /** The usual file-name extension, without the dot. */
    public String extension() {
        return extension;
    }

    /** Whether a file name's extension (without the dot, any case) names this kind. */
    public boolean namedBy(String fileExtension) {
        String e = fileExtension == null ? "" : fileExtension.toLowerCase(Locale.ROOT);
        return extension.equals(e) || otherExtensions.contains(e);
    }

    /** The kind of a detected media type; parameters ("; version=1.7") are ignored. */
    public static Optional<FileKind> ofMediaType(String mediaType) {
        String base = mediaType == null ? "" : mediaType.split(";", 2)[0].strip();
        return Arrays.stream(values()).filter(k -> k.mediaType.equalsIgnoreCase(base)).findFirst();
    }
}
