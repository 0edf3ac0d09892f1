package com.lead2cash.files;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;

/**
 * A detected media type said in the reader's words (一个 Word/Excel 文件, 一张图片（SVG）, a PDF file), as the
 * argument of a refusal, resolved where the message is rendered: "application/x-tika-ooxml" means nothing to the
 * person who uploaded a contract. A type it does not know is "a file of a kind not recognised", never the code.
 */
public final class ContentWords {

    private static final String PREFIX = "files.content.";

    /** Picture formats by the name people know them by. */
    private static final Map<String, String> PICTURES = Map.ofEntries(Map.entry("svg+xml", "SVG"),
            Map.entry("jpeg", "JPEG"), Map.entry("png", "PNG"), Map.entry("gif", "GIF"), Map.entry("webp", "WebP"),
            Map.entry("bmp", "BMP"), Map.entry("x-ms-bmp", "BMP"), Map.entry("tiff", "TIFF"), Map.entry("heic", "HEIC"),
            Map.entry("heif", "HEIF"), Map.entry("avif", "AVIF"), Map.entry("x-icon", "ICO"),
            Map.entry("vnd.microsoft.icon", "ICO"), Map.entry("vnd.adobe.photoshop", "PSD"));

    private static final Set<String> ARCHIVES = Set.of("application/zip", "application/x-7z-compressed",
            "application/x-rar-compressed", "application/vnd.rar", "application/gzip", "application/x-gzip",
            "application/x-tar", "application/x-bzip2", "application/x-xz", "application/java-archive");

    private static final Set<String> PROGRAMS = Set.of("application/x-msdownload", "application/x-dosexec",
            "application/x-executable", "application/x-elf", "application/x-sharedlib", "application/x-msi",
            "application/x-mach-o-executable", "application/vnd.microsoft.portable-executable");

    private ContentWords() {
    }

    /** The media type (parameters such as "; charset=…" ignored) as the bundle's {@code files.content.*} says it. */
    public static MessageSourceResolvable of(String mediaType) {
        String type = mediaType == null ? "" : mediaType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        String top = type.contains("/") ? type.substring(0, type.indexOf('/')) : type;
        String sub = type.substring(type.indexOf('/') + 1);
        if (top.equals("image")) {
            String format = PICTURES.get(sub);
            return format == null ? said("IMAGE") : said("PICTURE", format);
        }
        if (type.equals("application/pdf")) {
            return said("PDF");
        }
        if (type.startsWith("application/x-tika-ooxml") || type.equals("application/x-tika-msoffice")
                || type.equals("application/msword") || type.startsWith("application/vnd.ms-")
                || type.startsWith("application/vnd.openxmlformats-officedocument")
                || type.startsWith("application/vnd.oasis.opendocument")) {
            return said("OFFICE");
        }
        if (ARCHIVES.contains(type)) {
            return said("ARCHIVE");
        }
        if (type.equals("text/html") || type.equals("application/xhtml+xml")) {
            return said("WEB_PAGE");
        }
        if (top.equals("text") || type.equals("application/xml") || type.equals("application/json")) {
            return said("TEXT");
        }
        if (PROGRAMS.contains(type)) {
            return said("PROGRAM");
        }
        if (top.equals("video")) {
            return said("VIDEO");
        }
        if (top.equals("audio")) {
            return said("AUDIO");
        }
        return said("UNKNOWN");
    }

    private static MessageSourceResolvable said(String code, Object... args) {
        return new DefaultMessageSourceResolvable(new String[] {PREFIX + code}, args);
    }
}
