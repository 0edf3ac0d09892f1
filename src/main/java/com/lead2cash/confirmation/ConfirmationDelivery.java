package com.lead2cash.confirmation;

/** A confirmation as {@link ConfirmationView} and whether it reached its contact by e-mail (a list of sent links shows both). */
public record ConfirmationDelivery(ConfirmationView confirmation, EmailDelivery email) {
}
