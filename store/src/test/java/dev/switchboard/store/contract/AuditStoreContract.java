package dev.switchboard.store.contract;

import static dev.switchboard.api.audit.AuditEventType.DENIED;
import static dev.switchboard.api.audit.AuditEventType.FINISHED;
import static dev.switchboard.api.audit.AuditEventType.RECEIVED;
import static dev.switchboard.api.audit.AuditEventType.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.api.StorageException;
import dev.switchboard.api.audit.AuditEvent;
import dev.switchboard.api.audit.AuditEventType;
import dev.switchboard.api.audit.AuditQuery;
import dev.switchboard.api.audit.AuditRecord;
import dev.switchboard.api.audit.AuditStore;
import dev.switchboard.api.audit.VerifyResult;
import dev.switchboard.api.store.Storage;
import dev.switchboard.testkit.contract.Concurrently;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every {@link AuditStore} must do, on any database. The database is shared by all tests of a run (as it is
 * by replicas), so each test uses its own actors and checks the whole chain, not an empty log.
 */
public abstract class AuditStoreContract {
    private static final Logger log = LoggerFactory.getLogger(AuditStoreContract.class);
    protected static final Instant T0 = Instant.parse("2026-03-01T10:15:30.123456789Z");

    /** The storage under test, open for the whole class. */
    protected abstract Storage storage();

    /** A second, independent storage on the same database (its own pool, like another replica). */
    protected abstract Storage openStorage();

    /** The database password the storages use, which must never appear in a message. */
    protected abstract String password();

    /** A plain JDBC connection to the same database, for tampering. */
    protected abstract Connection openConnection() throws SQLException;

    private AuditStore audit() {
        return storage().audit();
    }

    private static String unique(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static AuditEvent event(AuditEventType type, String actor, String commandId, Instant time) {
        return AuditEvent.builder(type, time).actor(actor).account("web:" + actor).conversation("web:#ops")
                .commandId(commandId).text("deploy web to prod").correlationId("c-1").build();
    }

    @Test
    void appendedEventsComeBackAsALinkedChain() {
        String alice = unique("alice");
        long before = ChainCheck.headSeq(audit());
        List<AuditRecord> stored = audit().append(List.of(
                event(RECEIVED, alice, "deploy.service", T0), event(STARTED, alice, "deploy.service", T0.plusSeconds(1))));

        assertThat(stored).extracting(AuditRecord::seq).containsExactly(before + 1, before + 2);
        assertThat(stored.get(1).prevHash()).isEqualTo(stored.get(0).hash());
        assertThat(audit().read(before + 1, 10)).containsExactlyElementsOf(stored);
        assertThat(audit().head()).contains(stored.get(1));
        assertThat(ChainCheck.verify(audit())).isInstanceOf(VerifyResult.Intact.class);
    }

    @Test
    void appendingNothingWritesNothing() {
        long before = ChainCheck.headSeq(audit());
        assertThat(audit().append(List.of())).isEmpty();
        assertThat(ChainCheck.headSeq(audit())).isEqualTo(before);
    }

    @Test
    void readStopsAtTheLimitInSequenceOrder() {
        String bob = unique("bob");
        List<AuditRecord> stored = audit().append(IntStream.range(0, 5)
                .mapToObj(i -> event(RECEIVED, bob, "status", T0.plusSeconds(i))).toList());
        assertThat(audit().read(stored.get(1).seq(), 3)).containsExactlyElementsOf(stored.subList(1, 4));
    }

    @Test
    void chainStaysValidUnderEightConcurrentWriters() throws Exception {
        String prefix = unique("writer");
        long before = ChainCheck.headSeq(audit());
        Concurrently.run(8, thread -> () -> {
            for (int i = 0; i < 200; i++) {
                audit().append(List.of(event(RECEIVED, prefix + thread, "n" + i, T0.plusMillis(i))));
            }
            return null;
        });

        assertThat(ChainCheck.verify(audit())).isInstanceOf(VerifyResult.Intact.class);
        List<AuditRecord> written = ChainCheck.readAll(audit(), before + 1);
        assertThat(written).hasSize(1_600);
        for (int thread = 0; thread < 8; thread++) {
            String actor = prefix + thread;
            assertThat(written.stream().filter(r -> actor.equals(r.event().actor())).map(r -> r.event().commandId()))
                    .as("events of %s in the order they were appended", actor)
                    .containsExactlyElementsOf(IntStream.range(0, 200).mapToObj(i -> "n" + i).toList());
        }
    }

    @Test
    void twoStoragesOnOneDatabaseKeepOneChain() throws Exception {
        String prefix = unique("replica");
        long before = ChainCheck.headSeq(audit());
        try (Storage other = openStorage()) {
            Concurrently.run(8, thread -> () -> {
                AuditStore store = thread % 2 == 0 ? audit() : other.audit();
                for (int i = 0; i < 50; i++) {
                    store.append(List.of(event(RECEIVED, prefix + thread, "n" + i, T0),
                            event(STARTED, prefix + thread, "n" + i, T0)));
                }
                return null;
            });
            assertThat(ChainCheck.verify(other.audit())).isInstanceOf(VerifyResult.Intact.class);
        }
        assertThat(ChainCheck.verify(audit())).isInstanceOf(VerifyResult.Intact.class);
        assertThat(ChainCheck.headSeq(audit())).isEqualTo(before + 800);
    }

    @Test
    void queryFiltersByActorCommandGlobTypesAndTimeNewestFirst() {
        String carol = unique("carol");
        List<AuditRecord> stored = audit().append(List.of(
                event(RECEIVED, carol, "deploy.service", T0),
                event(DENIED, carol, "deploy.service", T0.plusSeconds(10)),
                event(RECEIVED, carol, "status.show", T0.plusSeconds(20)),
                event(STARTED, carol, "deploy.rollback", T0.plusSeconds(30)),
                event(FINISHED, unique("dave"), "deploy.service", T0.plusSeconds(40))));

        assertThat(audit().query(new AuditQuery(carol, null, Set.of(), null, 10)))
                .containsExactly(stored.get(3), stored.get(2), stored.get(1), stored.get(0));
        assertThat(audit().query(new AuditQuery(carol, "deploy.*", Set.of(), null, 10)))
                .containsExactly(stored.get(3), stored.get(1), stored.get(0));
        assertThat(audit().query(new AuditQuery(carol, "deploy.*", Set.of(RECEIVED, STARTED), null, 10)))
                .containsExactly(stored.get(3), stored.get(0));
        assertThat(audit().query(new AuditQuery(carol, null, Set.of(), T0.plusSeconds(20), 10)))
                .containsExactly(stored.get(3), stored.get(2));
        assertThat(audit().query(new AuditQuery(carol, null, Set.of(), null, 2)))
                .containsExactly(stored.get(3), stored.get(2));
        assertThat(audit().query(AuditQuery.last(1))).containsExactly(stored.get(4));
    }

    @Test
    void commandGlobTreatsSqlWildcardsLiterally() {
        String erin = unique("erin");
        List<AuditRecord> stored = audit().append(List.of(
                event(RECEIVED, erin, "db_backup.run", T0), event(RECEIVED, erin, "dbxbackup.run", T0),
                event(RECEIVED, erin, "100%!.done", T0)));

        assertThat(audit().query(new AuditQuery(erin, "db_backup.*", Set.of(), null, 10)))
                .containsExactly(stored.get(0));
        assertThat(audit().query(new AuditQuery(erin, "100%!.*", Set.of(), null, 10)))
                .containsExactly(stored.get(2));
        assertThat(audit().query(new AuditQuery(erin, "db?backup.run", Set.of(), null, 10)))
                .containsExactly(stored.get(1), stored.get(0));
    }

    @Test
    void sinceIsExactToTheNanosecond() {
        String fay = unique("fay");
        Instant at = Instant.parse("2026-03-01T10:15:30.000000500Z");
        AuditRecord stored = audit().append(List.of(event(RECEIVED, fay, "status", at))).getFirst();

        assertThat(audit().query(new AuditQuery(fay, null, Set.of(), at, 10))).containsExactly(stored);
        assertThat(audit().query(new AuditQuery(fay, null, Set.of(), at.plusNanos(1), 10))).isEmpty();
    }

    @Test
    void unicodeNewlinesAndQuotesRoundTripExactly() {
        String awkward = "déployer 🚀 \"web\" to 'prod'\nsecond line\r\n\ttab \\ back\\slash \u0001 {\"json\":1} 中文";
        AuditEvent event = AuditEvent.builder(AuditEventType.FINISHED, Instant.parse("2026-03-01T10:15:30.987654321Z"))
                .actor(unique("ünïcødé")).account("slack:T01/U123").conversation("slack:#ops").text(awkward)
                .commandId("deploy.service").args(Map.of("service", awkward, "k\"ey\n", "", "emoji🎉", "✓"))
                .jobId(42L).rule("allow deploy.* to group:sre").correlationId("corr-\u00e9")
                .detail("exit", 0).detail("output", awkward).build();

        AuditRecord stored = audit().append(List.of(event)).getFirst();
        AuditRecord read = audit().read(stored.seq(), 1).getFirst();

        assertThat(read.event()).isEqualTo(event);
        assertThat(read).isEqualTo(stored);
        assertThat(ChainCheck.verify(audit())).isInstanceOf(VerifyResult.Intact.class);
    }

    @Test
    void eventsWithOnlyTypeAndTimeRoundTrip() {
        AuditEvent bare = new AuditEvent(AuditEventType.CONFIG_RELOADED, T0, null, null, null, null, null, null,
                null, null, null, null);
        AuditRecord stored = audit().append(List.of(bare)).getFirst();
        assertThat(audit().read(stored.seq(), 1)).containsExactly(stored);
    }

    @Test
    void aRowEditedInTheDatabaseIsReportedAsEdited() throws SQLException {
        AuditRecord victim = audit().append(List.of(event(RECEIVED, unique("mallory"), "status", T0))).getFirst();
        audit().append(List.of(event(RECEIVED, unique("trent"), "status", T0)));
        try (Connection connection = openConnection()) {
            setText(connection, victim.seq(), "nothing to see here");
            try {
                assertThat(ChainCheck.verify(audit())).isEqualTo(new VerifyResult.Broken(victim.seq(),
                        "record " + victim.seq() + " was edited (its hash does not match its content)"));
            } finally {
                setText(connection, victim.seq(), victim.event().text());
            }
        }
        assertThat(ChainCheck.verify(audit())).isInstanceOf(VerifyResult.Intact.class);
    }

    private static void setText(Connection connection, long seq, String text) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE audit_log SET text = ? WHERE seq = ?")) {
            update.setString(1, text);
            update.setLong(2, seq);
            assertThat(update.executeUpdate()).isEqualTo(1);
        }
    }

    /** One writer appending batches, as a group-committing audit log does; logs the rate for the record. */
    @Test
    void groupCommittedBatchesKeepOneChain() {
        String actor = unique("load");
        int batches = 200;
        int batchSize = 100;
        List<AuditEvent> batch = IntStream.range(0, batchSize)
                .mapToObj(i -> event(RECEIVED, actor, "deploy.service", T0.plusNanos(i))).toList();
        long started = System.nanoTime();
        for (int b = 0; b < batches; b++) {
            audit().append(batch);
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        int events = batches * batchSize;
        log.info("{}: appended {} audit events in batches of {} from one writer at {} events/s",
                storage().describe(), events, batchSize, Math.round(events / seconds));

        assertThat(audit().query(new AuditQuery(actor, null, Set.of(), null, 100_000))).hasSize(events);
        assertThat(ChainCheck.verify(audit())).isInstanceOf(VerifyResult.Intact.class);
    }

    @Test
    void aClosedStorageRefusesWithoutRevealingThePassword() {
        Storage other = openStorage();
        other.audit().append(List.of(event(RECEIVED, unique("gina"), "status", T0)));
        other.close();
        other.close();

        assertThat(other.healthy()).isFalse();
        assertThatThrownBy(() -> other.audit().append(List.of(event(RECEIVED, "gina", "status", T0))))
                .isInstanceOf(StorageException.class)
                .hasMessageContaining("appending 1 audit event")
                .hasMessageNotContaining(password());
        assertThatThrownBy(() -> other.audit().read(1, 1)).isInstanceOf(StorageException.class);
        assertThat(audit().read(1, 1)).hasSize(1);
    }
}
