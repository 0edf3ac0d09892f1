package com.lead2cash.contract.internal;

import com.lead2cash.files.FileKind;
import com.lead2cash.files.FileStore;
import com.lead2cash.files.StoredFile;
import com.lead2cash.files.Upload;
import com.lead2cash.contract.internal.domain.Contract;
import java.io.InputStream;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The files of a contract (合同文件): the PDF of each submission as the reviewers saw it, the signed
 * scan, attachments, amendment scans — kept in the product's file store for as long as the contract
 * (R1). Reading them is the contract module's decision (scope), never the file store's.
 */
@Component
public class ContractFiles {

    /** What a file is to the contract. */
    public enum Kind { REVIEW_COPY, SIGNED_SCAN, ATTACHMENT, AMENDMENT_SCAN }

    /** A signed scan or attachment: a PDF or a photo of the paper, at most 20 MB. */
    static final Set<FileKind> SCANS = Set.of(FileKind.PDF, FileKind.JPEG, FileKind.PNG);
    static final long MAX_SCAN = 20L * 1024 * 1024;

    /** A file of the contract as its pages and API list it. */
    public record ContractFile(UUID id, Kind kind, Integer round, String fileName, String contentType, long size,
                               String sha256, Instant addedAt, UUID addedBy, LocalDate retainUntil) {
    }

    private final JdbcClient jdbc;
    private final FileStore files;

    ContractFiles(JdbcClient jdbc, FileStore files) {
        this.jdbc = jdbc;
        this.files = files;
    }

    /** Keeps an uploaded file for the contract, as long as the contract is kept. */
    StoredFile keep(Contract c, Kind kind, Integer round, Set<FileKind> accepted, long maxBytes, String field,
                    String fileName, long size, InputStream content, UUID by, Instant now) {
        StoredFile stored = files.store(new Upload(ContractAccess.SUBJECT, c.id().toString(), field, fileName, size,
                accepted, maxBytes, c.retainUntil()), content);
        jdbc.sql("insert into contract_file (contract_id, file_id, kind, round, added_by, added_at, sha256) "
                        + "values (:c, :f, :k, :r, :by, :at, :sha)")
                .param("c", c.id()).param("f", stored.id()).param("k", kind.name()).param("r", round)
                .param("by", by).param("at", Timestamp.from(now)).param("sha", stored.sha256()).update();
        return stored;
    }

    /** The contract's files, newest first. */
    public List<ContractFile> of(UUID contractId) {
        record Link(UUID fileId, Kind kind, Integer round, UUID addedBy, Instant addedAt) {
        }
        List<Link> links = jdbc.sql("select file_id, kind, round, added_by, added_at from contract_file where contract_id = :c "
                        + "order by added_at desc, file_id desc")
                .param("c", contractId)
                .query((rs, i) -> new Link(rs.getObject("file_id", UUID.class), Kind.valueOf(rs.getString("kind")),
                        rs.getObject("round", Integer.class), rs.getObject("added_by", UUID.class),
                        rs.getTimestamp("added_at").toInstant()))
                .list();
        Map<UUID, StoredFile> stored = files.findAll(links.stream().map(Link::fileId).toList()).stream()
                .collect(Collectors.toMap(StoredFile::id, Function.identity()));
        return links.stream().filter(l -> stored.containsKey(l.fileId())).map(l -> {
            StoredFile f = stored.get(l.fileId());
            return new ContractFile(f.id(), l.kind(), l.round(), f.fileName(), f.contentType(), f.size(), f.sha256(),
                    l.addedAt(), l.addedBy(), f.retainUntil());
        }).toList();
    }

    /** The file if it is one of the contract's; another record's file reads as missing (404). */
    public StoredFile ofContract(UUID contractId, UUID fileId) {
        boolean linked = jdbc.sql("select count(*) from contract_file where contract_id = :c and file_id = :f")
                .param("c", contractId).param("f", fileId).query(Integer.class).single() > 0;
        return (linked ? files.find(fileId) : java.util.Optional.<StoredFile>empty())
                .orElseThrow(() -> new com.lead2cash.platform.RecordNotFoundException("File", fileId));
    }

    /** The content of one of the contract's files (after the caller's scope check). */
    public InputStream openStream(UUID fileId) {
        return files.open(fileId);
    }

    boolean verify(UUID fileId) {
        return files.verify(fileId);
    }

    /** R1: the contract's retention moved later; every file of it follows. */
    void retainAllUntil(UUID contractId, LocalDate until) {
        jdbc.sql("select file_id from contract_file where contract_id = :c").param("c", contractId)
                .query(UUID.class).list().forEach(f -> files.retainUntil(f, until));
    }

    /** Deletes every file of the contract (after its retention, R1; the store refuses before). */
    void deleteAll(UUID contractId) {
        List<UUID> ids = jdbc.sql("select file_id from contract_file where contract_id = :c").param("c", contractId)
                .query(UUID.class).list();
        jdbc.sql("delete from contract_file where contract_id = :c").param("c", contractId).update();
        ids.forEach(files::delete);
    }
}
