/**
 * After-sales (售后): the handover of a signed customer to the service team with its checklist (交接, H1),
 * complaints (投诉) from receipt to close with their SLA by severity on the working calendar (S1 first
 * response, S2 resolution), root cause by 5 Whys, corrective and preventive actions, the level-I flag of a
 * major complaint (S3) and repeat complaints linked (S4), and satisfaction surveys (满意度调查) answered
 * through the confirmation module.
 *
 * <p>Other modules send a survey through {@link com.lead2cash.aftersales.SatisfactionSurveys} and hear
 * {@link com.lead2cash.aftersales.MajorComplaintReceived} for the incident process.
 */
@org.springframework.modulith.ApplicationModule(displayName = "After-sales",
        allowedDependencies = {"platform", "platform :: web", "sop", "contract", "order", "customer", "confirmation", "files",
                "notification"})
package com.lead2cash.aftersales;
