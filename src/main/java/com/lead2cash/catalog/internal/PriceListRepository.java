package com.lead2cash.catalog.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.CrudRepository;

interface PriceListRepository extends CrudRepository<PriceList, UUID> {

    @Query("select * from catalog_price_list order by kind, valid_from desc, name")
    List<PriceList> findAllInOrder();

    @Query("select * from catalog_price_list where kind = 'STANDARD' and active")
    List<PriceList> findActiveStandard();

    /** Lists in force on the day that a quote for the customer may use: standard, channel, and the customer's groups. */
    @Query("""
            select l.* from catalog_price_list l
            where l.active and l.valid_from <= :day and (l.valid_to is null or l.valid_to >= :day)
              and (l.kind <> 'CUSTOMER_GROUP'
                   or exists (select 1 from catalog_price_list_member m where m.price_list = l.id and m.customer_id = :customerId))
            order by l.valid_from desc, l.id
            """)
    List<PriceList> findInForce(LocalDate day, UUID customerId);
}
