package com.lead2cash.aftersales.internal.domain;

/** How a complaint reached the company: phone, e-mail, a visit, or from the customer through a link. */
public enum ReceivedVia { PHONE, EMAIL, VISIT, LINK, OTHER }
