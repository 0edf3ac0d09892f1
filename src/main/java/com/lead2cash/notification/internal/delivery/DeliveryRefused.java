package com.lead2cash.notification.internal.delivery;

/** A delivery that retrying cannot fix (no address, robot removed or disabled): it is marked FAILED at once. */
public class DeliveryRefused extends RuntimeException {

    DeliveryRefused(String reason) {
        super(reason);
    }
}
