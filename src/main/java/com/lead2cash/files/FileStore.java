package com.lead2cash.files;

import java.io.InputStream;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The product's file store (文件存储). Storing and deleting join the caller's transaction, so a file
 * exists exactly when the business change that kept it committed. It decides nothing about who may
 * read: the owning module checks its scope first and then opens the content.
 */
public interface FileStore {

    /**
     * Keeps the content: its type detected from the bytes (refused unless one of the accepted kinds —
     * a renamed executable is not a PDF), readable as that kind and running to the end the format marks
     * (a file cut short is refused), its length within the owner's limit and the store's, its SHA-256
     * recorded. Refusals are field errors on {@link Upload#field()}; nothing is kept then.
     */
    StoredFile store(Upload upload, InputStream content);

    Optional<StoredFile> find(UUID fileId);

    /** Several files at once (an owner's list of attachments), in the order asked; unknown ids are absent. */
    List<StoredFile> findAll(Collection<UUID> fileIds);

    /** The content, streamed from the store it was kept in; the caller closes it. */
    InputStream open(UUID fileId);

    /** Reads the content again and compares its SHA-256 with the one recorded when it was stored. */
    boolean verify(UUID fileId);

    /** Keeps the file at least until the date (a retention never shortens). */
    void retainUntil(UUID fileId, LocalDate until);

    /** Deletes the file and its content; refused (422) before its retention date (R1). */
    void delete(UUID fileId);
}
