package com.lead2cash.contract.internal;

import com.lead2cash.contract.internal.domain.Contract;
import com.lead2cash.files.FileResponses;
import com.lead2cash.files.StoredFile;
import java.util.UUID;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * The contract's documents as downloads (合同文件下载), the same for the API and the screens: through the
 * reader's scope (404 outside it), every read of a signed contract's file audited (R1), and the PDF of a
 * submitted contract exactly the copy the reviewers approved.
 */
@Component
public class ContractDownloads {

    private final ContractAccess access;
    private final ContractFiles files;
    private final ContractLifecycle lifecycle;
    private final ContractDocument document;

    ContractDownloads(ContractAccess access, ContractFiles files, ContractLifecycle lifecycle, ContractDocument document) {
        this.access = access;
        this.files = files;
        this.lifecycle = lifecycle;
        this.document = document;
    }

    /** One of the contract's files. */
    public ResponseEntity<Resource> file(UUID contractId, UUID fileId) {
        Contract c = access.visible(contractId);
        StoredFile f = files.ofContract(c.id(), fileId);
        lifecycle.readFile(c, f);
        return FileResponses.inline(f, files.openStream(f.id()));
    }

    /** The contract's PDF: a draft rendered now; once submitted, the very copy the reviewers approved. */
    public ResponseEntity<?> pdf(UUID contractId) {
        Contract c = access.visible(contractId);
        if (c.status().editable()) {
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                    .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename(c.number() + ".pdf")
                            .build().toString())
                    .body(document.pdf(c));
        }
        StoredFile f = lifecycle.approvedCopy(c);
        lifecycle.readFile(c, f);
        return FileResponses.inline(f, files.openStream(f.id()));
    }
}
