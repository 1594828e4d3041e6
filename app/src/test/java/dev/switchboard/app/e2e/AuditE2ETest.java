package dev.switchboard.app.e2e;

import static dev.switchboard.app.e2e.WebChatClient.jobIdIn;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.api.audit.AuditChain;
import dev.switchboard.api.audit.AuditEventType;
import dev.switchboard.api.audit.AuditRecord;
import dev.switchboard.api.audit.VerifyResult;
import dev.switchboard.api.job.JobQuery;
import dev.switchboard.api.job.JobRecord;
import dev.switchboard.app.e2e.WebChatClient.Message;
import dev.switchboard.store.JdbcStorage;
import dev.switchboard.store.StorageSettings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The audit trail of a real session: readable from chat, and, with the server stopped, an intact hash chain in the
 * database in which every job's {@code started} was written before the job did anything.
 */
class AuditE2ETest {
    @TempDir
    Path dir;

    @Test
    void whatPeopleDidIsInTheAuditLogAndTheChainIsIntactWithStartedBeforeTheWork() {
        long streamJob;
        long failedJob;
        String url;
        try (TestServer server = TestServer.start(dir); WebChatClient alice = server.connect("alice").join("#ops")) {
            url = server.databaseUrl();
            alice.ask("ping", "pong");
            alice.ask("deploy web to qa", "not valid");
            alice.ask("broken", "❌ broken failed");
            Matcher row = Pattern.compile("(\\d+) \\| broken \\| failed")
                    .matcher(alice.ask("jobs", "broken"));
            assertThat(row.find()).isTrue();
            failedJob = Long.parseLong(row.group(1));
            Message ack = alice.startJob("stream");
            streamJob = jobIdIn(ack.latest());
            alice.awaitLatest(ack.id(), "✅");

            String audit = alice.ask("audit last 5", "audit events");

            assertThat(audit).startsWith("The last 5 audit events, newest first:")
                    .containsPattern("\\| web:alice \\| received \\| -")
                    .containsPattern("\\| alice \\| finished \\| stream")
                    .containsPattern("\\| alice \\| started \\| stream");
            alice.assertSawNoJavaInternals();
        }

        try (JdbcStorage storage = JdbcStorage.open(StorageSettings.of(url))) {
            List<AuditRecord> records = readAll(storage);
            AuditChain.Verifier verifier = AuditChain.verifier();
            records.forEach(verifier::accept);
            assertThat(verifier.result()).isInstanceOf(VerifyResult.Intact.class);

            AuditRecord started = only(records, AuditEventType.STARTED, streamJob);
            AuditRecord finished = only(records, AuditEventType.FINISHED, streamJob);
            AuditRecord received = records.stream().filter(r -> r.event().type() == AuditEventType.RECEIVED)
                    .filter(r -> r.event().correlationId().equals(started.event().correlationId())).findFirst()
                    .orElseThrow();
            assertThat(received.event().text()).isEqualTo("stream");
            assertThat(received.seq()).isLessThan(started.seq());
            assertThat(started.seq()).isLessThan(finished.seq());
            assertThat(finished.event().detail()).containsEntry("status", "succeeded").containsEntry("exit", "0");

            String firstLine = storage.jobs().outputTail(streamJob, 100).getFirst();
            long printedAt = Long.parseLong(firstLine.replace("first line at ", "").strip());
            assertThat(started.event().time().toEpochMilli()).as("started is recorded before the script prints")
                    .isLessThanOrEqualTo(printedAt);

            List<JobRecord> ran = storage.jobs().list(JobQuery.recent(100)).stream()
                    .filter(j -> j.startedAt() != null).toList();
            assertThat(ran).extracting(JobRecord::id).contains(streamJob, failedJob);
            for (JobRecord job : ran) {
                assertThat(only(records, AuditEventType.STARTED, job.id()).seq()).as("job " + job.id())
                        .isLessThan(only(records, AuditEventType.FINISHED, job.id()).seq());
            }
        }
    }

    private static AuditRecord only(List<AuditRecord> records, AuditEventType type, long jobId) {
        List<AuditRecord> found = records.stream().filter(r -> r.event().type() == type)
                .filter(r -> Optional.ofNullable(r.event().jobId()).orElse(-1L) == jobId).toList();
        assertThat(found).as(type.wireName() + " of job " + jobId).hasSize(1);
        return found.getFirst();
    }

    private static List<AuditRecord> readAll(JdbcStorage storage) {
        List<AuditRecord> all = new ArrayList<>();
        for (int page = 0; page < 100; page++) {
            List<AuditRecord> next = storage.audit().read(all.size() + 1L, 500);
            if (next.isEmpty()) {
                return all;
            }
            all.addAll(next);
        }
        throw new AssertionError("the audit log of one short session has more than 50,000 records");
    }
}
