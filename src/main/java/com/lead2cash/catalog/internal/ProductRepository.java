package com.lead2cash.catalog.internal;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.CrudRepository;

interface ProductRepository extends CrudRepository<Product, UUID> {

    @Query("select * from catalog_product where lower(code) = lower(:code)")
    Optional<Product> findByCode(String code);

    @Query("select * from catalog_product where lower(code) in (:codes)")
    List<Product> findByLowerCodes(Collection<String> codes);
}
