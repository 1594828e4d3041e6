package dev.switchboard.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.api.StorageException;
import dev.switchboard.api.alert.AlertAcks;
import dev.switchboard.api.alert.AlertGroupStore;
import dev.switchboard.api.alert.AlertPages;
import dev.switchboard.api.alert.AlertStore;
import dev.switchboard.api.incident.IncidentStore;
import dev.switchboard.api.approval.PendingStore;
import dev.switchboard.api.audit.AuditEvent;
import dev.switchboard.api.audit.AuditEventType;
import dev.switchboard.api.store.Storage;
import dev.switchboard.store.contract.AuditStoreContract;
import dev.switchboard.store.contract.JobStoreContract;
import dev.switchboard.store.contract.LockStoreContract;
import dev.switchboard.api.chat.InboundEvents;
import dev.switchboard.api.chat.OutboxStore;
import dev.switchboard.testkit.contract.AlertAcksContract;
import dev.switchboard.testkit.contract.AlertGroupStoreContract;
import dev.switchboard.testkit.contract.AlertPagesContract;
import dev.switchboard.testkit.contract.AlertStoreContract;
import dev.switchboard.testkit.contract.IncidentStoreContract;
import dev.switchboard.testkit.contract.InboundEventsContract;
import dev.switchboard.testkit.contract.OutboxStoreContract;
import dev.switchboard.testkit.contract.PendingStoreContract;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The store contracts on PostgreSQL (the production database), plus a server that goes away. */
class PostgresStorageIT {
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

    @Nested
    class Audit extends AuditStoreContract {
        @Override protected Storage storage() { return storage; }
        @Override protected Storage openStorage() { return JdbcStorage.open(postgres.settings()); }
        @Override protected String password() { return postgres.password(); }
        @Override protected Connection openConnection() throws SQLException { return postgres.connect(); }
    }

    @Nested
    class Jobs extends JobStoreContract {
        @Override protected Storage storage() { return storage; }
        @Override protected Storage openStorage() { return JdbcStorage.open(postgres.settings()); }
        @Override protected String password() { return postgres.password(); }
    }

    @Nested
    class Locks extends LockStoreContract {
        @Override protected Storage storage() { return storage; }
        @Override protected Storage openStorage() { return JdbcStorage.open(postgres.settings()); }
        @Override protected String password() { return postgres.password(); }
    }

    @Nested
    class Pending extends PendingStoreContract {
        @Override protected PendingStore store() { return storage.pending(); }
    }

    @Nested
    class Events extends InboundEventsContract {
        @Override protected InboundEvents events() { return storage.inboundEvents(); }
    }

    @Nested
    class Outbox extends OutboxStoreContract {
        @Override protected OutboxStore store() { return storage.outbox(); }
    }

    @Nested
    class Alerts extends AlertStoreContract {
        @Override protected AlertStore store() { return storage.alerts(); }
    }

    @Nested
    class Acks extends AlertAcksContract {
        @Override protected AlertAcks acks() { return storage.acks(); }
    }

    @Nested
    class Pages extends AlertPagesContract {
        @Override protected AlertPages pages() { return storage.pages(); }
    }

    @Nested
    class Groups extends AlertGroupStoreContract {
        @Override protected AlertGroupStore store() { return storage.alertGroups(); }
    }

    @Nested
    class Incidents extends IncidentStoreContract {
        @Override protected IncidentStore store() { return storage.incidents(); }
    }

    @Test
    void describeNamesTheServerButNotThePassword() {
        assertThat(storage.describe()).startsWith("PostgreSQL 127.0.0.1:").doesNotContain(postgres.password());
        assertThat(storage.healthy()).isTrue();
    }

    @Test
    void aStoppedServerMakesEveryCallFailWithoutRevealingThePassword() {
        AuditEvent event = AuditEvent.builder(AuditEventType.RECEIVED, Instant.now()).actor("alice").build();
        try (TestPostgres own = TestPostgres.startEmbedded(); JdbcStorage doomed = JdbcStorage.open(own.settings())) {
            doomed.audit().append(List.of(event));
            own.close();

            assertThat(doomed.healthy()).isFalse();
            assertThatThrownBy(() -> doomed.audit().append(List.of(event, event, event)))
                    .isInstanceOf(StorageException.class)
                    .hasMessageStartingWith("database error while appending 3 audit events: ")
                    .hasMessageNotContaining(own.password());
            assertThatThrownBy(() -> doomed.locks().tryAcquire("deploy:web:prod", 1, Instant.now()))
                    .isInstanceOf(StorageException.class)
                    .hasMessageNotContaining(own.password());
            assertThatThrownBy(() -> JdbcStorage.open(own.settings()))
                    .isInstanceOf(StorageException.class)
                    .hasMessageStartingWith("cannot open database jdbc:postgresql://127.0.0.1:")
                    .hasMessageNotContaining(own.password());
        }
    }
}
