package com.lead2cash.invoice.internal;

import com.lead2cash.customer.CustomerDirectory;
import com.lead2cash.platform.DataScope;
import com.lead2cash.platform.Scope;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a new invoice request's buyer fields start from, so a VAT special invoice (专票) needs no typing of what the
 * system already knows: the address and phone and the bank and account the customer's last request in the reader's
 * scope gave (finance accepted or is deciding on them), else the customer's address from its record. The customer
 * record holds no phone and no bank, so a first request types the bank in. A last request made out to another
 * taxpayer than the contract's buyer gives nothing: its address and bank are another identity's.
 */
@Component
public class BuyerDefaults {

    private final JdbcClient jdbc;
    private final DataScope scope;
    private final CustomerDirectory customers;

    BuyerDefaults(JdbcClient jdbc, DataScope scope, CustomerDirectory customers) {
        this.jdbc = jdbc;
        this.scope = scope;
        this.customers = customers;
    }

    /** Either may be null: nothing known. */
    public record Buyer(String addressPhone, String bankAccount) {
    }

    /** What a request to {@code customerId}'s buyer with this taxpayer id (the contract's, or null) starts from. */
    @Transactional(readOnly = true)
    public Buyer of(UUID customerId, String buyerTaxId) {
        Scope s = scope.current();
        Map<String, Object> params = new HashMap<>(s.params());
        params.put("customer", customerId);
        params.put("taxId", buyerTaxId == null ? "" : buyerTaxId);
        // a rejected request's details may be what finance refused
        Optional<Buyer> last = jdbc.sql("select buyer_address_phone, buyer_bank_account from invoice_invoice "
                        + "where customer_id = :customer and status <> 'REJECTED' and " + s.ownerPredicate("owner_id")
                        + " and (buyer_address_phone is not null or buyer_bank_account is not null) "
                        + " and (:taxId = '' or buyer_tax_id = :taxId) order by created_at desc limit 1")
                .params(params)
                .query((rs, i) -> new Buyer(rs.getString("buyer_address_phone"), rs.getString("buyer_bank_account")))
                .optional();
        String addressPhone = last.map(Buyer::addressPhone).filter(a -> !a.isBlank())
                .orElseGet(() -> customers.address(customerId).orElse(null));
        return new Buyer(addressPhone, last.map(Buyer::bankAccount).orElse(null));
    }
}
