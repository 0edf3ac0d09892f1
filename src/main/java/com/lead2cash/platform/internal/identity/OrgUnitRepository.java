package com.lead2cash.platform.internal.identity;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.CrudRepository;

interface OrgUnitRepository extends CrudRepository<OrgUnit, UUID> {

    @Query("select * from platform_org_unit order by path")
    List<OrgUnit> findAllInTreeOrder();

    @Query("select * from platform_org_unit where path like :path || '%' order by path")
    List<OrgUnit> findSubtree(String path);

    @Query("select * from platform_org_unit where parent_id is null order by created_at limit 1")
    java.util.Optional<OrgUnit> findRoot();
}
