/**
 * Customers (客户) and their contacts (联系人), follow-up activities (跟进), the public pool (公海), the
 * needs analysis (需求分析) with the customer's own confirmation, and company identity (unified social
 * credit code, normalised company names, phone and e-mail) used by every duplicate check.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Customers",
        allowedDependencies = {"platform", "platform :: web", "sop", "approval", "region", "confirmation", "notification", "files"})
package com.lead2cash.customer;
