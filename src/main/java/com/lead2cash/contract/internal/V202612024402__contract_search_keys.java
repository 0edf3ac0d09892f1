package com.lead2cash.contract.internal;

import com.lead2cash.contract.internal.domain.Contract;
import com.lead2cash.platform.SearchKeysFill;
import java.sql.SQLException;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.springframework.stereotype.Component;

/**
 * Gives every existing contract its search keys, computed by the code the contract itself uses
 * ({@link Contract#searchKeys}), in Flyway's transaction before the application serves anything.
 */
@Component
class V202612024402__contract_search_keys extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws SQLException {
        SearchKeysFill.fill(context.getConnection(), "contract_contract",
                "select id, number, title, buyer_name from contract_contract where search_keys is null",
                rs -> Contract.searchKeys(rs.getString(2), rs.getString(3), rs.getString(4)));
    }
}
