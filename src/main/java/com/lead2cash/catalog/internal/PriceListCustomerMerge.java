package com.lead2cash.catalog.internal;

import com.lead2cash.customer.CustomerMergeParticipant;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * When customers merge, the survivor joins the customer-group price lists the merged customer belonged to
 * (a list both belonged to keeps the survivor once), inside the merge's transaction. The lists' version is
 * bumped so a membership form opened before refuses instead of putting the merged customer back.
 */
@Component
class PriceListCustomerMerge implements CustomerMergeParticipant {

    private final JdbcClient jdbc;

    PriceListCustomerMerge(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public int moveToSurvivor(UUID mergedId, UUID survivorId) {
        jdbc.sql("update catalog_price_list set version = version + 1"
                        + " where id in (select price_list from catalog_price_list_member where customer_id = :m)")
                .param("m", mergedId).update();
        jdbc.sql("insert into catalog_price_list_member (price_list, customer_id)"
                        + " select price_list, :s from catalog_price_list_member where customer_id = :m on conflict do nothing")
                .param("s", survivorId).param("m", mergedId).update();
        return jdbc.sql("delete from catalog_price_list_member where customer_id = :m").param("m", mergedId).update();
    }

    @Override
    public String what() {
        return "priceListMemberships";
    }
}
