/**
 * Products and prices (产品与价格): the catalogue (code, name, specification, unit, product line, list
 * price, tax rate, active), price lists — standard, per channel or per customer group — with validity
 * dates, the price a customer gets on a day, and the catalogue's Excel import and export. Quotes ask
 * {@link com.lead2cash.catalog.Catalog} for products and prices.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Products and prices",
        allowedDependencies = {"platform", "platform :: web", "customer", "files"})
package com.lead2cash.catalog;
