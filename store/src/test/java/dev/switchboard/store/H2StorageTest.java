package dev.switchboard.store;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store contracts on an H2 file database, the embedded default, plus what is particular to H2. */
class H2StorageTest {
    private static final String USER = "sb";
    private static final String PASSWORD = "h2-Secret-Pa55word";

    @TempDir
    static Path dir;
    private static String url;
    private static JdbcStorage storage;

    @BeforeAll
    static void open() {
        url = "jdbc:h2:file:" + dir.resolve("not/yet/there/switchboard");
        storage = JdbcStorage.open(settings());
    }

    @AfterAll
    static void close() {
        storage.close();
    }

    private static StorageSettings settings() {
        return StorageSettings.of(url, USER, PASSWORD);
    }

    private static Connection plainConnection() throws SQLException {
        return DriverManager.getConnection(url, USER, PASSWORD);
    }

    @Nested
    class Audit extends AuditStoreContract {
        @Override protected Storage storage() { return storage; }
        @Override protected Storage openStorage() { return JdbcStorage.open(settings()); }
        @Override protected String password() { return PASSWORD; }
        @Override protected Connection openConnection() throws SQLException { return plainConnection(); }
    }

    @Nested
    class Jobs extends JobStoreContract {
        @Override protected Storage storage() { return storage; }
        @Override protected Storage openStorage() { return JdbcStorage.open(settings()); }
        @Override protected String password() { return PASSWORD; }
    }

    @Nested
    class Locks extends LockStoreContract {
        @Override protected Storage storage() { return storage; }
        @Override protected Storage openStorage() { return JdbcStorage.open(settings()); }
        @Override protected String password() { return PASSWORD; }
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
    void openingCreatesTheDatabaseFolder() {
        assertThat(dir.resolve("not/yet/there/switchboard.mv.db")).exists();
    }

    @Test
    void describeNamesTheFileButNotThePassword() {
        assertThat(storage.describe()).startsWith("H2 file ").endsWith("switchboard")
                .doesNotContain(PASSWORD);
        assertThat(storage.healthy()).isTrue();
    }

    @Test
    void reopeningKeepsTheChainAndTheSchema() {
        AuditEvent event = AuditEvent.builder(AuditEventType.CONFIG_RELOADED, Instant.now()).build();
        long seq;
        try (JdbcStorage first = JdbcStorage.open(settings())) {
            seq = first.audit().append(List.of(event)).getFirst().seq();
        }
        try (JdbcStorage second = JdbcStorage.open(settings())) {
            assertThat(second.audit().append(List.of(event)).getFirst().seq()).isEqualTo(seq + 1);
        }
    }

    @Test
    void aFreshDatabaseStartsTheChainAtOne() throws Exception {
        Path fresh = Files.createTempDirectory(dir, "fresh");
        try (JdbcStorage other = JdbcStorage.open(StorageSettings.of("jdbc:h2:file:" + fresh.resolve("db")))) {
            assertThat(other.audit().head()).isEmpty();
            AuditEvent event = AuditEvent.builder(AuditEventType.RECEIVED, Instant.now()).build();
            assertThat(other.audit().append(List.of(event)).getFirst().prevHash())
                    .isEqualTo(dev.switchboard.api.audit.AuditChain.GENESIS);
            assertThat(other.audit().head().orElseThrow().seq()).isEqualTo(1);
        }
    }
}
