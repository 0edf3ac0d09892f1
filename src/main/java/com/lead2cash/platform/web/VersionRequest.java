package com.lead2cash.platform.web;

/**
 * The body of an action on a record that needs nothing but, optionally, the version the client read
 * (screen a lead, reopen an opportunity, retire a product). One class for every module, so the API
 * document has one schema of that name.
 */
public record VersionRequest(Long version) {
}
