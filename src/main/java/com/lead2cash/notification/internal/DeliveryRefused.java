package com.lead2cash.notification.internal;

/** A delivery that retrying cannot fix (no address, robot removed or disabled): it is marked FAILED at once. */
class DeliveryRefused extends RuntimeException {

    DeliveryRefused(String reason) {
        super(reason);
    }
}
