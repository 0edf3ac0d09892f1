package com.lead2cash.files.internal;

import com.lead2cash.files.ContentWords;
import com.lead2cash.files.FileKind;
import com.lead2cash.files.FileStore;
import com.lead2cash.files.StoredFile;
import com.lead2cash.files.Upload;
import com.lead2cash.platform.AuditTrail;
import com.lead2cash.platform.CurrentUser;
import com.lead2cash.platform.DomainException;
import com.lead2cash.platform.FieldValidationException;
import com.lead2cash.platform.Ids;
import com.lead2cash.platform.RecordNotFoundException;
import com.lead2cash.platform.UploadNames;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The file store: metadata in {@code files_file} (always in the database, so lists, retention and
 * audits need no object store), content in the configured {@link Blobs}. A file is read from the
 * store that kept it, so switching {@code l2c.files.store} later leaves earlier files readable.
 */
@Service
@Transactional
class JdbcFileStore implements FileStore {

    private static final String COLUMNS = "id, owner_type, owner_id, file_name, content_type, size_bytes, sha256, "
            + "store, storage_key, stored_at, stored_by, retain_until";

    private final JdbcClient jdbc;
    private final Blobs writer;
    private final Map<FilesProperties.Store, Blobs> readers;
    private final ContentDetector detector;
    private final FilesProperties properties;
    private final AuditTrail audit;
    private final Clock clock;
    private final ZoneId zone;

    JdbcFileStore(JdbcClient jdbc, List<Blobs> blobs, ContentDetector detector, FilesProperties properties,
                  AuditTrail audit, Clock clock, @Value("${l2c.zone}") ZoneId zone) {
        this.jdbc = jdbc;
        this.readers = blobs.stream().collect(Collectors.toMap(Blobs::kind, b -> b));
        this.writer = readers.get(properties.store());
        if (writer == null) {
            throw new IllegalStateException("no file store for l2c.files.store=" + properties.store());
        }
        this.detector = detector;
        this.properties = properties;
        this.audit = audit;
        this.clock = clock;
        this.zone = zone;
    }

    @Override
    public StoredFile store(Upload upload, InputStream content) {
        long max = Math.min(upload.maxBytes(), properties.maxSize().toBytes());
        if (upload.declaredSize() > max) {
            throw tooLarge(upload, max);
        }
        byte[] prefix;
        try {
            prefix = content.readNBytes(ContentDetector.PREFIX);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (prefix.length == 0) {
            throw new FieldValidationException(upload.field(), "files.empty");
        }
        String detected = detector.detect(prefix);
        FileKind kind = FileKind.ofMediaType(detected).filter(upload.accepted()::contains)
                .orElseThrow(() -> new FieldValidationException(upload.field(), "files.typeRefused", ContentWords.of(detected),
                        upload.accepted().stream().map(k -> k.extension().toUpperCase()).sorted()
                                .collect(Collectors.joining(", "))));
        String name = fileName(upload, kind);
        UUID id = Ids.newId();
        FileEnd end = FileEnd.watch(kind, new SequenceInputStream(new ByteArrayInputStream(prefix), content));
        MeasuredStream measured = new MeasuredStream(end, max);
        String key;
        try {
            key = writer.write(id, measured, upload.declaredSize());
            if (upload.declaredSize() >= 0 && (measured.count() != upload.declaredSize() || measured.read() != -1)) {
                writer.remove(id, key);
                throw new FieldValidationException(upload.field(), "files.incomplete");
            }
            if (kind == FileKind.PDF && !PdfPages.opens(writer.read(id, key))) {
                writer.remove(id, key);
                throw new FieldValidationException(upload.field(), "files.pdfUnreadable");
            }
            if (kind != FileKind.PDF && !ImageHeaders.readable(writer.read(id, key), kind)) {
                writer.remove(id, key);
                throw new FieldValidationException(upload.field(), "files.imageUnreadable");
            }
            // after the checks above, so a file that is no PDF or picture at all is called broken, not cut short
            if (!end.reached()) {
                writer.remove(id, key);
                throw new FieldValidationException(upload.field(), "files.truncated");
            }
        } catch (MeasuredStream.TooLarge e) {
            throw tooLarge(upload, max);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (key != null) {
            removeOnRollback(id, key);
        }
        String sha256 = measured.sha256Hex();
        UUID by = CurrentUser.get().map(CurrentUser::id).orElse(null);
        jdbc.sql("insert into files_file (" + COLUMNS + ") values (:id, :ownerType, :ownerId, :name, :type, :size, "
                        + ":sha, :store, :key, :at, :by, :retain)")
                .param("id", id).param("ownerType", upload.ownerType()).param("ownerId", upload.ownerId())
                .param("name", name).param("type", kind.mediaType()).param("size", measured.count())
                .param("sha", sha256).param("store", writer.kind().name()).param("key", key)
                .param("at", Timestamp.from(clock.instant())).param("by", by)
                .param("retain", Date.valueOf(upload.retainUntil())).update();
        audit.record("FILE_STORED", "File", id, "files.audit.stored", "record.type." + upload.ownerType(),
                upload.ownerId(), name, kind.mediaType(), measured.count(), sha256);
        return find(id).orElseThrow();
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<StoredFile> find(UUID fileId) {
        return jdbc.sql("select " + COLUMNS + " from files_file where id = :id").param("id", fileId)
                .query(JdbcFileStore::file).optional();
    }

    @Override
    @Transactional(readOnly = true)
    public List<StoredFile> findAll(Collection<UUID> fileIds) {
        if (fileIds.isEmpty()) {
            return List.of();
        }
        Map<UUID, StoredFile> byId = new LinkedHashMap<>();
        jdbc.sql("select " + COLUMNS + " from files_file where id in (:ids)").param("ids", fileIds)
                .query(JdbcFileStore::file).list().forEach(f -> byId.put(f.id(), f));
        List<StoredFile> ordered = new ArrayList<>();
        fileIds.forEach(id -> Optional.ofNullable(byId.get(id)).ifPresent(ordered::add));
        return ordered;
    }

    @Override
    @Transactional(readOnly = true)
    public InputStream open(UUID fileId) {
        Location where = location(fileId);
        return readers.get(where.store()).read(fileId, where.key());
    }

    @Override
    @Transactional(readOnly = true)
    public boolean verify(UUID fileId) {
        StoredFile file = find(fileId).orElseThrow(() -> new RecordNotFoundException("File", fileId));
        var digest = MeasuredStream.sha256();
        try (InputStream in = open(fileId)) {
            byte[] buffer = new byte[64 * 1024];
            int n;
            while ((n = in.read(buffer)) > 0) {
                digest.update(buffer, 0, n);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return HexFormat.of().formatHex(digest.digest()).equals(file.sha256());
    }

    @Override
    public void retainUntil(UUID fileId, LocalDate until) {
        int updated = jdbc.sql("update files_file set retain_until = greatest(retain_until, :until) where id = :id")
                .param("until", Date.valueOf(until)).param("id", fileId).update();
        if (updated == 0) {
            throw new RecordNotFoundException("File", fileId);
        }
    }

    /** R1: a file is kept until its retention date; before that, deletion is refused. */
    @Override
    public void delete(UUID fileId) {
        StoredFile file = find(fileId).orElseThrow(() -> new RecordNotFoundException("File", fileId));
        LocalDate today = LocalDate.ofInstant(clock.instant(), zone);
        if (today.isBefore(file.retainUntil())) {
            throw new DomainException("files.retained", file.retainUntil());
        }
        Location where = location(fileId);
        jdbc.sql("delete from files_file where id = :id").param("id", fileId).update();
        audit.record("FILE_DELETED", "File", fileId, "files.audit.deleted", "record.type." + file.ownerType(),
                file.ownerId(), file.fileName(), file.sha256(), file.retainUntil());
        Blobs blobs = readers.get(where.store());
        if (where.key() != null) {
            afterCommit(() -> blobs.remove(fileId, where.key()));
        }
    }

    private record Location(FilesProperties.Store store, String key) {
    }

    private Location location(UUID fileId) {
        Location where = jdbc.sql("select store, storage_key from files_file where id = :id").param("id", fileId)
                .query((rs, i) -> new Location(FilesProperties.Store.valueOf(rs.getString("store")),
                        rs.getString("storage_key"))).optional()
                .orElseThrow(() -> new RecordNotFoundException("File", fileId));
        if (!readers.containsKey(where.store())) {
            throw new IllegalStateException("file " + fileId + " is kept in " + where.store()
                    + ", which is not configured (l2c.files.s3.*)");
        }
        return where;
    }


    /**
     * The name the file is kept and served under: the last segment of what the browser sent, without
     * control and bidi characters, ending in the extension of the detected kind (a wrong kind's
     * extension replaced, any other kept and the right one appended), so "save as" gives what it is.
     */
    static String fileName(Upload upload, FileKind kind) {
        String name = UploadNames.cleaned(upload.fileName()).replaceAll("\\.+$", "");
        int dot = name.lastIndexOf('.');
        String extension = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
        if (!kind.namedBy(extension)) {
            boolean otherKind = Arrays.stream(FileKind.values()).anyMatch(k -> k.namedBy(extension));
            name = (otherKind ? name.substring(0, dot) : name) + "." + kind.extension();
        }
        if (name.startsWith(".")) {
            name = "file" + name;
        }
        // cut at the front: the extension stays
        return UploadNames.shortened(name);
    }

    private static FieldValidationException tooLarge(Upload upload, long max) {
        return new FieldValidationException(upload.field(), "files.tooLarge", max / (1024 * 1024));
    }

    /** Content written outside the database goes again when the transaction that kept it rolls back. */
    private void removeOnRollback(UUID id, String key) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    if (status == STATUS_ROLLED_BACK) {
                        writer.remove(id, key);
                    }
                }
            });
        }
    }

    private static void afterCommit(Runnable action) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    action.run();
                }
            });
        } else {
            action.run();
        }
    }

    private static StoredFile file(ResultSet rs, int row) throws SQLException {
        return new StoredFile(rs.getObject("id", UUID.class), rs.getString("owner_type"), rs.getString("owner_id"),
                rs.getString("file_name"), rs.getString("content_type"), rs.getLong("size_bytes"),
                rs.getString("sha256"), rs.getTimestamp("stored_at").toInstant(),
                rs.getObject("stored_by", UUID.class), rs.getDate("retain_until").toLocalDate());
    }
}
