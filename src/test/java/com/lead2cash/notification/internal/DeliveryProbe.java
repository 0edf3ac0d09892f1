package com.lead2cash.notification.internal;

import com.lead2cash.notification.internal.delivery.DeliveryWorker;
import org.springframework.stereotype.Component;

/** Lets tests outside the package send what the outbox holds now, as the delivery worker's poll would. */
@Component
public class DeliveryProbe {

    private final DeliveryWorker worker;

    DeliveryProbe(DeliveryWorker worker) {
        this.worker = worker;
    }

    public int runOnce() {
        return worker.runOnce();
    }
}
