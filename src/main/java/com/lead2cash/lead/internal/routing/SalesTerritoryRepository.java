package com.lead2cash.lead.internal.routing;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.CrudRepository;

public interface SalesTerritoryRepository extends CrudRepository<SalesTerritory, UUID> {

    @Query("select * from lead_territory order by lower(name)")
    List<SalesTerritory> findAllByName();
}
