package dev.switchboard.api.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AuditChainTest {
    private static AuditEvent event(String text) {
        return AuditEvent.builder(AuditEventType.RECEIVED, Instant.parse("2026-11-26T10:00:00Z"))
                .actor("alice").text(text).args(Map.of("z", "1", "a", "2")).detail("status", "ok").build();
    }

    @Test
    void canonicalFormHasFixedKeyOrderSortedMapsAndEscapedText() {
        assertThat(AuditChain.canonicalJson(7, event("say \"hi\"\n")))
                .isEqualTo("{\"seq\":7,\"type\":\"received\",\"time\":\"2026-11-26T10:00:00Z\",\"actor\":\"alice\","
                        + "\"text\":\"say \\\"hi\\\"\\n\",\"args\":{\"a\":\"2\",\"z\":\"1\"},"
                        + "\"detail\":{\"status\":\"ok\"}}");
    }

    @Test
    void anIntactChainVerifiesAndReportsItsHead() {
        List<AuditRecord> chain = AuditChain.link(0, AuditChain.GENESIS, List.of(event("a"), event("b"), event("c")));
        AuditChain.Verifier verifier = AuditChain.verifier();
        chain.forEach(verifier::accept);
        assertThat(verifier.result()).isEqualTo(new VerifyResult.Intact(3, chain.getLast().hash()));
    }

    @Test
    void anEditedDeletedOrReorderedRecordIsNamedBySequence() {
        List<AuditRecord> chain = AuditChain.link(0, AuditChain.GENESIS,
                List.of(event("a"), event("b"), event("c"), event("d")));

        List<AuditRecord> edited = new ArrayList<>(chain);
        AuditRecord second = chain.get(1);
        edited.set(1, new AuditRecord(2, event("B"), second.prevHash(), second.hash()));
        assertThat(verify(edited)).isEqualTo(new VerifyResult.Broken(2,
                "record 2 was edited (its hash does not match its content)"));

        List<AuditRecord> deleted = new ArrayList<>(chain);
        deleted.remove(2);
        assertThat(verify(deleted)).isInstanceOfSatisfying(VerifyResult.Broken.class,
                b -> assertThat(b.seq()).isEqualTo(3));

        List<AuditRecord> swapped = new ArrayList<>(List.of(chain.get(0), chain.get(2), chain.get(1), chain.get(3)));
        assertThat(verify(swapped)).isInstanceOfSatisfying(VerifyResult.Broken.class,
                b -> assertThat(b.seq()).isEqualTo(2));
    }

    private static VerifyResult verify(List<AuditRecord> records) {
        AuditChain.Verifier verifier = AuditChain.verifier();
        records.forEach(verifier::accept);
        return verifier.result();
    }
}
