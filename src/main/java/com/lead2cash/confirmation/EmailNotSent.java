package com.lead2cash.confirmation;

/**
 * Why a confirmation's link did not go to the contact by e-mail; every page and API answer that shows a sent
 * link says which.
 */
public enum EmailNotSent {
    /** Only a link was asked for, to pass on (a renewed survey link, the QR code shown again). */
    NOT_REQUESTED,
    /** The contact has no e-mail address. */
    NO_ADDRESS,
    /** No mail server is configured ({@code spring.mail.host}). */
    NO_MAIL_SERVER,
    /** No public address is configured ({@code l2c.confirmation.base-url}): a mailed link never takes the request's host. */
    NO_PUBLIC_ADDRESS
}
