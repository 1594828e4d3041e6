package dev.switchboard.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.api.StorageException;
import dev.switchboard.api.audit.AuditEvent;
import dev.switchboard.api.audit.AuditRecord;
import dev.switchboard.core.audit.InMemoryAuditStore;
import java.util.List;
import org.junit.jupiter.api.Test;

class AuditDownTranscriptTest {
    /** An audit store whose writes fail while the database is "down". */
    private static final class DownAuditStore extends ForwardingAuditStore {
        volatile boolean down = true;

        DownAuditStore() {
            super(new InMemoryAuditStore());
        }

        @Override
        public List<AuditRecord> append(List<AuditEvent> events) {
            if (down) {
                throw new StorageException("database unreachable");
            }
            return super.append(events);
        }
    }

    private final DownAuditStore store = new DownAuditStore();
    private final ChatTestHarness chat = Harnesses.builder().auditStore(store).build().user("alice", "developers");

    @Test
    void helpStillWorksWhileTheAuditLogIsDown() {
        chat.as("alice").says("help");

        assertThat(chat.transcript().getLast()).startsWith("bot: Here is what I can do:");
    }

    @Test
    void aConfiguredCommandIsRefusedWithAClearMessageWhileTheAuditLogIsDown() {
        chat.as("alice").says("deploy web to prod");

        assertThat(chat.transcript()).containsExactly("alice: deploy web to prod",
                "bot: Denied: the audit log cannot be written right now, so Switchboard will not run deploy.service; "
                        + "read-only commands such as help still work (ref 000001)");
    }

    @Test
    void commandsRunAgainOnceTheAuditLogIsBack() {
        chat.as("alice").says("deploy web to prod");
        store.down = false;
        chat.as("alice").says("deploy web to prod");

        assertThat(chat.transcript().getLast()).isEqualTo("bot: deployed web to prod");
    }
}
