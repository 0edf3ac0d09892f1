package com.lead2cash.contract.internal.domain;

/** What a person may do with a contract next; the contract answers which (pages and controllers ask it). */
public enum ContractAction {
    /** Change the terms, clauses and attachments (草拟 or 修改中). */
    EDIT,
    /** Send it to review (K1), again after a revision. */
    SUBMIT,
    /** Pass or object as a reviewing department (K1). */
    REVIEW,
    /** Decide as a risk reviewer (K5) or final approver (K2). */
    APPROVE,
    /** Record the signing with the signed scan (K3). */
    SIGN,
    /** Archive it with its key data (K4). */
    ARCHIVE,
    /** Record a signed amendment (补充协议). */
    AMEND,
    /** Terminate it with a reason. */
    TERMINATE,
    /** Delete it and its files once the retention has ended (R1). */
    DELETE
}
