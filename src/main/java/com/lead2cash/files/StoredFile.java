package com.lead2cash.files;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A kept file as other modules see it: the record it belongs to, its name as uploaded, the media type
 * detected from its content, its length, its SHA-256 (hex), when and by whom it was stored, and its
 * retention date.
 */
public record StoredFile(UUID id, String ownerType, String ownerId, String fileName, String contentType, long size,
                         String sha256, Instant storedAt, UUID storedBy, LocalDate retainUntil) {
}
