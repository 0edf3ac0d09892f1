package com.lead2cash.platform.internal.identity;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.CrudRepository;

interface OrgUnitRepository extends CrudRepository<OrgUnit, UUID> {

    @Query("select * from platform_org_unit order by path")
    List<OrgUnit> findAllInTreeOrder();

    /** A keyset page of the tree in tree order (by path, then id): the first {@code limit} units. */
    @Query("select * from platform_org_unit order by path, id limit :limit")
    List<OrgUnit> findPageInTreeOrder(int limit);

    /** The units after {@code (path, id)} in tree order, at most {@code limit}. */
    @Query("select * from platform_org_unit where (path, id) > (:path, :id) order by path, id limit :limit")
    List<OrgUnit> findPageInTreeOrderAfter(String path, UUID id, int limit);

    @Query("select * from platform_org_unit where path like :path || '%' order by path")
    List<OrgUnit> findSubtree(String path);

    /** The units whose head the person is, in tree order. */
    @Query("select * from platform_org_unit where manager_id = :userId order by path")
    List<OrgUnit> findHeadedBy(UUID userId);

    @Query("select * from platform_org_unit where parent_id is null order by created_at limit 1")
    java.util.Optional<OrgUnit> findRoot();
}
