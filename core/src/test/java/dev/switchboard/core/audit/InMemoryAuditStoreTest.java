package dev.switchboard.core.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.api.audit.AuditEvent;
import dev.switchboard.api.audit.AuditEventType;
import dev.switchboard.api.audit.AuditQuery;
import dev.switchboard.api.audit.AuditRecord;
import dev.switchboard.api.audit.AuditStore;
import dev.switchboard.api.audit.VerifyResult;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class InMemoryAuditStoreTest {
    private final InMemoryAuditStore store = new InMemoryAuditStore();
    private final Instant t0 = Instant.parse("2026-11-05T10:00:00Z");

    private AuditEvent event(AuditEventType type, int minute, String actor, String command) {
        return AuditEvent.builder(type, t0.plusSeconds(60L * minute)).actor(actor).commandId(command).build();
    }

    private List<Long> seqs(AuditQuery q) {
        return store.query(q).stream().map(AuditRecord::seq).toList();
    }

    @Test
    void queriesFilterByActorCommandGlobTypeAndTimeNewestFirst() {
        store.append(List.of(
                event(AuditEventType.RECEIVED, 0, "alice", null),
                event(AuditEventType.STARTED, 1, "alice", "deploy.service"),
                event(AuditEventType.DENIED, 2, "bob", "deploy.service"),
                event(AuditEventType.FINISHED, 3, "alice", "status.web"),
                event(AuditEventType.FINISHED, 4, "alice", "deploy.db")));

        assertThat(seqs(AuditQuery.last(2))).containsExactly(5L, 4L);
        assertThat(seqs(new AuditQuery("alice", null, null, null, 10))).containsExactly(5L, 4L, 2L, 1L);
        assertThat(seqs(new AuditQuery(null, "deploy.*", null, null, 10))).containsExactly(5L, 3L, 2L);
        assertThat(seqs(new AuditQuery(null, null, Set.of(AuditEventType.FINISHED), null, 10))).containsExactly(5L, 4L);
        assertThat(seqs(new AuditQuery(null, null, null, t0.plusSeconds(180), 10))).containsExactly(5L, 4L);
        assertThat(seqs(new AuditQuery("alice", "deploy.*", Set.of(AuditEventType.STARTED), null, 10)))
                .containsExactly(2L);
    }

    @Test
    void aGlobTreatsDotsLiterally() {
        store.append(List.of(event(AuditEventType.STARTED, 0, "a", "deployXservice")));

        assertThat(seqs(new AuditQuery(null, "deploy.service", null, null, 10))).isEmpty();
    }

    @Test
    void appendsInSeveralBatchesFormOneVerifiableChain() {
        store.append(List.of(event(AuditEventType.RECEIVED, 0, "a", null)));
        store.append(List.of(event(AuditEventType.RECEIVED, 1, "b", null), event(AuditEventType.FINISHED, 2, "b", "x")));

        assertThat(AuditVerification.verify(store, 2)).isEqualTo(new VerifyResult.Intact(3, store.head().orElseThrow().hash()));
        assertThat(store.read(2, 10)).extracting(AuditRecord::seq).containsExactly(2L, 3L);
    }

    @Test
    void verificationNamesTheFirstEditedRecord() {
        store.append(List.of(event(AuditEventType.RECEIVED, 0, "a", null), event(AuditEventType.RECEIVED, 1, "b", null),
                event(AuditEventType.RECEIVED, 2, "c", null)));
        List<AuditRecord> all = store.all();
        AuditRecord edited = new AuditRecord(2, event(AuditEventType.RECEIVED, 1, "mallory", null), all.get(1).prevHash(),
                all.get(1).hash());
        AuditStore tampered = new AuditStore() {
            public List<AuditRecord> append(List<AuditEvent> events) { throw new UnsupportedOperationException(); }
            public List<AuditRecord> read(long from, int limit) {
                return List.of(all.get(0), edited, all.get(2)).subList((int) from - 1, 3);
            }
            public List<AuditRecord> query(AuditQuery q) { return List.of(); }
            public Optional<AuditRecord> head() { return Optional.of(all.get(2)); }
        };

        assertThat(AuditVerification.verify(tampered)).isInstanceOf(VerifyResult.Broken.class)
                .extracting(r -> ((VerifyResult.Broken) r).seq()).isEqualTo(2L);
    }
}
