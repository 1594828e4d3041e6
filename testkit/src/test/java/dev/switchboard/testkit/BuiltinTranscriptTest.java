package dev.switchboard.testkit;

import static dev.switchboard.api.audit.AuditEventType.DENIED;
import static dev.switchboard.api.audit.AuditEventType.FINISHED;
import static dev.switchboard.api.audit.AuditEventType.INVALID;
import static dev.switchboard.api.audit.AuditEventType.RECEIVED;
import static dev.switchboard.api.audit.AuditEventType.STARTED;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.api.audit.AuditEvent;
import org.junit.jupiter.api.Test;

class BuiltinTranscriptTest {
    private final ChatTestHarness chat = Harnesses.standard();

    @Test
    void pingAnswersPongAndIsAudited() {
        chat.as("alice").in("#ops").says("ping");

        assertThat(chat.transcript()).containsExactly("alice: ping", "bot: pong");
        assertThat(chat.audit()).extracting(AuditEvent::type).containsExactly(RECEIVED, FINISHED);
        assertThat(chat.audit().getLast().actor()).isEqualTo("alice");
        assertThat(chat.audit().getLast().commandId()).isEqualTo("ping");
        assertThat(chat.audit().getFirst().account()).isEqualTo("web:alice");
        assertThat(chat.audit().getFirst().conversation()).isEqualTo("web:#ops");
    }

    @Test
    void versionNamesTheRunningVersion() {
        chat.as("alice").says("version");

        assertThat(chat.transcript()).containsExactly("alice: version", "bot: Switchboard 1.4.0");
    }

    @Test
    void helpListsEveryCommandWithItsHelpLine() {
        chat.as("alice").says("help");

        String answer = chat.transcript().getLast();
        assertThat(answer).startsWith("bot: Here is what I can do:\n"
                + "  deploy <service> to <env> — Deploy a service to an environment\n"
                + "  backup <database> — Back up a database\n"
                + "  help — Show what I can do, or how one command is used\n");
        assertThat(answer).contains("  audit last <n> — Show the newest audit events")
                .endsWith("Type help <command> for details, e.g. help deploy.");
    }

    @Test
    void helpForOneCommandShowsUsageArgumentsAndExamples() {
        chat.as("alice").says("help deploy");

        assertThat(chat.transcript().getLast()).isEqualTo("bot: deploy.service — Deploy a service to an environment\n"
                + "Usage:\n"
                + "  deploy <service> to <env>\n"
                + "Arguments:\n"
                + "  service: one of web, billing\n"
                + "  env: one of staging, prod\n"
                + "Examples:\n"
                + "  deploy web to staging");
    }

    @Test
    void helpForAnUnknownCommandSaysSo() {
        chat.as("alice").says("help frobnicate");

        assertThat(chat.transcript().getLast())
                .isEqualTo("bot: I don't know a command \"frobnicate\". Type help to see what I can do.");
    }

    @Test
    void whoamiShowsAKnownUsersIdGroupsAndAccount() {
        chat.as("alice").says("whoami");

        assertThat(chat.transcript().getLast()).isEqualTo(
                "bot: User: alice\nGroups: developers\nAccount: web:alice\nVerified: yes");
    }

    @Test
    void whoamiTellsAGuestHowToGetLinked() {
        chat.as("bob").says("whoami");

        assertThat(chat.transcript().getLast()).isEqualTo("bot: You are not linked to a Switchboard user, so you have "
                + "guest rights only. To get linked, ask an admin to add web:bob to the accounts of your user in the "
                + "users: section.\n"
                + "Account: web:bob\nVerified: yes");
    }

    @Test
    void aGuestIsDeniedAConfiguredCommandWithWhatToAskFor() {
        chat.as("bob").in("#ops").says("deploy web to staging");

        assertThat(chat.transcript()).containsExactly("bob: deploy web to staging",
                "bot: Denied: you are not a known user; ask an admin to add web:bob to users (ref 000001)");
        assertThat(chat.audit()).extracting(AuditEvent::type).containsExactly(RECEIVED, DENIED);
        assertThat(chat.audit().getLast().actor()).isEqualTo("guest:web:bob");
        assertThat(chat.audit().getLast().rule()).isEqualTo("default deny");
    }

    @Test
    void aGuestCannotReadTheAuditLog() {
        chat.as("bob").says("audit last 5");

        assertThat(chat.transcript().getLast()).startsWith("bot: Denied: you are not a known user");
    }

    @Test
    void anUnknownCommandGetsASuggestion() {
        chat.as("alice").says("deplyo web to staging");

        assertThat(chat.transcript().getLast())
                .isEqualTo("bot: I don't know \"deplyo web to staging\". Did you mean:\n  deploy <service> to <env>");
        assertThat(chat.audit()).extracting(AuditEvent::type).containsExactly(RECEIVED, INVALID);
    }

    @Test
    void aKnownUserRunsAConfiguredCommand() {
        chat.as("alice").in("#ops").says("deploy web to staging");

        assertThat(chat.transcript()).containsExactly("alice: deploy web to staging", "bot: deployed web to staging");
        assertThat(chat.audit()).extracting(AuditEvent::type).containsExactly(RECEIVED, STARTED, FINISHED);
    }

    @Test
    void auditLastShowsTheNewestEventsFirst() {
        chat.as("alice").says("ping");
        chat.clock().advance(java.time.Duration.ofMinutes(1));
        chat.as("alice").says("audit last 5");

        assertThat(chat.transcript().getLast()).isEqualTo("bot: The last 3 audit events, newest first:\n"
                + "seq  time                  actor      type      command  detail\n"
                + "3    2026-11-05 10:01:00Z  web:alice  received  -        \n"
                + "2    2026-11-05 10:00:00Z  alice      finished  ping     status=ok\n"
                + "1    2026-11-05 10:00:00Z  web:alice  received  -        ");
    }

    @Test
    void aSlowJobIsAckedAndItsAckIsEditedWithTheResult() {
        FakeJobs[] jobs = new FakeJobs[1];
        ChatTestHarness slow = Harnesses.builder().jobs(parts -> jobs[0] = new FakeJobs(parts)).build()
                .user("alice", "developers");

        slow.as("alice").says("backup orders");
        jobs[0].finish(1, "backup of orders done");

        assertThat(slow.transcript()).containsExactly("alice: backup orders", "bot: backup of orders done");
        assertThat(slow.edits()).containsExactly("m1: backup of orders done");
    }

    @Test
    void jobsAndJobShowWhatRan() {
        chat.as("alice").says("deploy web to staging");
        chat.as("alice").says("jobs mine");
        chat.as("alice").says("job 1");

        assertThat(chat.transcript().get(3)).isEqualTo("bot: id  command         state      requester  started\n"
                + "1   deploy.service  succeeded  alice      2026-11-05 10:00:00Z");
        assertThat(chat.transcript().getLast()).contains("State: succeeded", "Duration: 0ms", "step 2 ok");
    }

    @Test
    void cancelOfAFinishedJobSaysThereIsNothingToCancel() {
        chat.as("alice").says("deploy web to staging");
        chat.as("alice").says("cancel 1");
        chat.as("alice").says("cancel 99");

        assertThat(chat.transcript()).endsWith(
                "bot: Job 1 already finished (succeeded); there is nothing to cancel.",
                "alice: cancel 99", "bot: There is no job 99.");
    }
}
