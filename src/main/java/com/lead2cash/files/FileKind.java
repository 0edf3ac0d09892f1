package com.lead2cash.files;

import java.util.Arrays;
import java.util.Optional;

/** The kinds of content the product accepts, each with the media type content detection names it by. */
public enum FileKind {
    PDF("application/pdf", "pdf"),
    JPEG("image/jpeg", "jpg"),
    PNG("image/png", "png");

    private final String mediaType;
    private final String extension;

    FileKind(String mediaType, String extension) {
        this.mediaType = mediaType;
        this.extension = extension;
    }

    public String mediaType() {
        return mediaType;
    }

    /** The usual file-name extension, without the dot. */
    public String extension() {
        return extension;
    }

    /** The kind of a detected media type; parameters ("; version=1.7") are ignored. */
    public static Optional<FileKind> ofMediaType(String mediaType) {
        String base = mediaType == null ? "" : mediaType.split(";", 2)[0].strip();
        return Arrays.stream(values()).filter(k -> k.mediaType.equalsIgnoreCase(base)).findFirst();
    }
}
