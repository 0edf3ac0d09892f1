package com.lead2cash.platform.internal.identity;

import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.CrudRepository;

interface UserRepository extends CrudRepository<User, UUID> {

    @Query("select * from platform_user where lower(username) = lower(:username)")
    Optional<User> findByUsername(String username);
}
