package dev.switchboard.store;

import dev.switchboard.api.alert.AlertGroupStore;
import dev.switchboard.testkit.contract.AlertGroupStoreContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The alert-group store contract on PostgreSQL: the server named by {@code SWITCHBOARD_TEST_PG_URL}, else an
 * embedded one (see {@link TestPostgres}).
 */
class AlertGroupStorePostgresIT extends AlertGroupStoreContract {
    private static TestPostgres postgres;
    private static JdbcStorage storage;

    @BeforeAll
    static void open() {
        postgres = TestPostgres.obtain();
        storage = JdbcStorage.open(postgres.settings());
    }

    @AfterAll
    static void close() {
        if (storage != null) {
            storage.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Override
    protected AlertGroupStore store() {
        return storage.alertGroups();
    }
}
