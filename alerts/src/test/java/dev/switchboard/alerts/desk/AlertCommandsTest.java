package dev.switchboard.alerts.desk;

import static dev.switchboard.api.audit.AuditEventType.ALERT_ACKED;
import static dev.switchboard.api.audit.AuditEventType.ESCALATED;
import static dev.switchboard.api.audit.AuditEventType.SILENCED;
import static dev.switchboard.api.audit.AuditEventType.UNSILENCED;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.alerts.routing.PostAction;
import dev.switchboard.api.alert.Alert;
import dev.switchboard.api.alert.AlertDesk;
import dev.switchboard.api.alert.SilenceMatcher;
import dev.switchboard.api.audit.AuditEvent;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** What each alert command does and answers, on the desk's parts in memory. */
class AlertCommandsTest {
    private final DeskFixture f = new DeskFixture();

    private String crashLooping() {
        return f.receive(f.firing("KubePodCrashLooping", "cluster", "eu-1", "pod", "p1", "severity", "critical"),
                f.firing("KubePodCrashLooping", "cluster", "eu-1", "pod", "p2", "severity", "critical"),
                f.firing("KubePodCrashLooping", "cluster", "eu-1", "pod", "p3", "severity", "critical"));
    }

    @Test
    void silencingAGroupSilencesTheLabelsItsAlertsShareAndSaysHowToLiftIt() {
        String group = crashLooping();

        String reply = f.desk.silence("group " + group + " for 2h deploy in progress", f.as("alice")).plainText();

        assertThat(reply).startsWith("Silenced 3 alerts in group " + group + " until 12:00 UTC as sil-1. To lift it:"
                + " unsilence sil-1");
        assertThat(f.silences.created).singleElement().satisfies(request -> {
            assertThat(request.matchers()).containsExactly(SilenceMatcher.equal("alertname", "KubePodCrashLooping"),
                    SilenceMatcher.equal("cluster", "eu-1"), SilenceMatcher.equal("severity", "critical"));
            assertThat(request.duration()).isEqualTo(Duration.ofHours(2));
            assertThat(request.createdBy()).isEqualTo("alice");
            assertThat(request.reason()).isEqualTo("deploy in progress");
        });
        AuditEvent silenced = f.audit.getFirst();
        assertThat(silenced.type()).isEqualTo(SILENCED);
        assertThat(silenced.actor()).isEqualTo("alice");
        assertThat(silenced.detail()).containsEntry("silenceId", "sil-1").containsEntry("reason", "deploy in progress")
                .containsEntry("endsAt", "2026-11-05T12:00:00Z")
                .containsEntry("matchers", "alertname=\"KubePodCrashLooping\" cluster=\"eu-1\" severity=\"critical\"");
    }

    @Test
    void matchersAreSilencedAsTypedAndCountTheFiringAlertsTheyCover() {
        crashLooping();
        f.receive(f.firing("KubePodCrashLooping", "cluster", "us-1", "pod", "p9"));

        String reply = f.desk.silence("alertname=KubePodCrashLooping cluster=~\"eu-.*\" for 30m", f.as("bob"))
                .plainText();

        assertThat(reply).startsWith("Silenced 3 alerts matching alertname=\"KubePodCrashLooping\" cluster=~\"eu-.*\"");
        assertThat(f.silences.created.getFirst().matchers()).containsExactly(
                SilenceMatcher.equal("alertname", "KubePodCrashLooping"),
                new SilenceMatcher("cluster", "eu-.*", SilenceMatcher.Op.REGEX));
    }

    @Test
    void badSilencesSayWhatWasExpectedAndCreateNothing() {
        String group = crashLooping();

        assertThat(f.desk.silence("group " + group, f.as("alice")).plainText()).startsWith("Expected silence");
        assertThat(f.desk.silence("group " + group + " for soon", f.as("alice")).plainText())
                .isEqualTo("'soon' is not a duration; expected a number with d, h, m or s, like 2h, 30m, 1d or 1h30m");
        assertThat(f.desk.silence("group " + group + " for 8d", f.as("alice")).plainText())
                .startsWith("A silence from chat may last at most 7d, not 8d");
        assertThat(f.desk.silence("group zzzzzz for 1h", f.as("alice")).plainText())
                .startsWith("There is no alert group 'zzzzzz'");
        assertThat(f.desk.silence("cluster=~\"eu-(\" for 1h", f.as("alice")).plainText())
                .startsWith("That silence would not work: the value of cluster=~ is not a valid regular expression");
        assertThat(f.desk.silence("cluster!=eu-1 for 1h", f.as("alice")).plainText())
                .contains("would mute every alert");
        assertThat(f.silences.created).isEmpty();
        assertThat(f.audit).isEmpty();
    }

    @Test
    void withoutAlertmanagerSilenceSaysWhatToConfigure() {
        DeskFixture bare = new DeskFixture(false, false);

        assertThat(bare.desk.silence("alertname=X for 1h", bare.as("alice")).plainText())
                .isEqualTo("No Alertmanager is configured for silences: set alerts.alertmanager (see"
                        + " docs/alerts-and-incidents.md).");
        assertThat(bare.desk.unsilence("sil-1", bare.as("alice")).plainText()).startsWith("No Alertmanager");
        assertThat(bare.desk.escalate("group abcdef", bare.as("alice")).plainText())
                .startsWith("No escalation service is configured here");
    }

    @Test
    void anUnreachableAlertmanagerIsReportedAndNothingIsAudited() {
        String group = crashLooping();
        f.silences.down = true;

        assertThat(f.desk.silence(group + " for 1h", f.as("alice")).plainText())
                .isEqualTo("Could not create the silence: Alertmanager at http://127.0.0.1:9093 could not be reached."
                        + " Nothing was silenced; try again shortly.");
        assertThat(f.audit).isEmpty();
    }

    @Test
    void unsilenceExpiresTheSilenceAndAuditsIt() {
        String group = crashLooping();
        f.desk.silence("group " + group + " for 1h", f.as("alice"));

        String reply = f.desk.unsilence("sil-1", f.as("bob")).plainText();

        assertThat(reply).startsWith("Expired silence sil-1 (alertname=\"KubePodCrashLooping\"")
                .endsWith("; the alerts it muted notify again.");
        assertThat(f.silences.kept.get("sil-1").active()).isFalse();
        assertThat(f.audit.getLast().type()).isEqualTo(UNSILENCED);
        assertThat(f.audit.getLast().actor()).isEqualTo("bob");
        assertThat(f.desk.unsilence("sil-9", f.as("bob")).plainText()).startsWith("Alertmanager knows no silence sil-9");
        assertThat(f.desk.unsilence("../../etc", f.as("bob")).plainText()).contains("is not a silence id");
    }

    @Test
    void ackingAGroupMarksItsMessageAndListsTheAlertsUnderMine() {
        String group = crashLooping();

        String reply = f.desk.ack("group " + group, f.as("alice")).plainText();

        assertThat(reply).isEqualTo("Acked group " + group + " (3 alerts) for alice; its message now says so.");
        f.clock.advance(Duration.ofSeconds(1)); // the group's edit interval
        assertThat(f.tick()).singleElement().isInstanceOfSatisfying(PostAction.Edit.class,
                edit -> assertThat(edit.reply().plainText()).contains("acked by").contains("alice"));
        assertThat(f.desk.alerts("mine", f.as("alice")).plainText()).startsWith("You acked 3 alerts, 3 still firing:");
        assertThat(f.desk.alerts("mine", f.as("bob")).plainText()).startsWith("You have not acked any alerts.");
        assertThat(f.audit).extracting(AuditEvent::type).containsExactly(ALERT_ACKED);
        assertThat(f.audit.getFirst().detail()).containsEntry("target", "group " + group).containsEntry("alerts", "3");
    }

    @Test
    void oneAlertIsAckedByItsFingerprint() {
        Alert alert = f.firing("DiskFull", "instance", "host1");
        f.receive(alert);

        assertThat(f.desk.ack(alert.fingerprint(), f.as("carol")).plainText())
                .startsWith("Acked alert " + alert.fingerprint() + " (DiskFull) for carol");
        assertThat(f.acks.find(alert.fingerprint()).orElseThrow().by()).isEqualTo("carol");
        assertThat(f.desk.ack("", f.as("carol")).plainText()).startsWith("Name the alerts: group <id>");
        assertThat(f.desk.ack("group " + f.router.groupsOf(alert.fingerprint()).getFirst() + " now please",
                f.as("carol")).plainText()).startsWith("ack takes only what to ack");
    }

    @Test
    void escalatingTwiceUsesTheSameDedupKeyAndAnAckAcknowledgesThePage() {
        String group = crashLooping();

        String first = f.desk.escalate("group " + group, f.as("alice")).plainText();
        f.desk.escalate(group + " pagerduty", f.as("bob"));
        String ack = f.desk.ack("group " + group, f.as("alice")).plainText();

        assertThat(first).startsWith("Escalated group " + group + " to PagerDuty (dedup key switchboard-group-"
                + group + ")");
        assertThat(f.pager.triggered).extracting(e -> e.dedupKey()).containsExactly("switchboard-group-" + group,
                "switchboard-group-" + group);
        assertThat(f.pager.triggered.getFirst().severity().wireName()).isEqualTo("critical");
        assertThat(ack).contains("Also acknowledged on PagerDuty.");
        assertThat(f.pager.acknowledged).containsExactly("switchboard-group-" + group + " by alice");
        assertThat(f.audit).extracting(AuditEvent::type).containsExactly(ESCALATED, ESCALATED, ALERT_ACKED);
        assertThat(f.audit.getFirst().detail()).containsEntry("service", "PagerDuty")
                .containsEntry("dedupKey", "switchboard-group-" + group);
        assertThat(f.desk.escalate(group + " opsgenie", f.as("bob")).plainText())
                .isEqualTo("There is no escalation service 'opsgenie'; configured: pagerduty");
    }

    @Test
    void aPageIsResolvedOnTheServiceOnceEveryAlertOfItsGroupResolved() {
        Alert p1 = f.firing("DiskFull", "instance", "host1", "severity", "critical");
        Alert p2 = f.firing("DiskFull", "instance", "host2", "severity", "critical");
        String group = f.receive(p1, p2);
        f.desk.escalate("group " + group, f.as("alice"));

        f.clock.advance(Duration.ofMinutes(1));
        f.receive(f.resolved(p1));
        assertThat(f.desk.resolveEndedPages()).as("one alert still fires").isZero();

        f.clock.advance(Duration.ofMinutes(1));
        f.receive(f.resolved(p2));
        f.clock.advance(Duration.ofSeconds(2));
        f.tick();

        assertThat(f.desk.resolveEndedPages()).isEqualTo(1);
        assertThat(f.pager.resolved).containsExactly("switchboard-group-" + group + " by switchboard");
        assertThat(f.audit.getLast().detail()).containsEntry("action", "resolve")
                .containsEntry("dedupKey", "switchboard-group-" + group);
        assertThat(f.desk.resolveEndedPages()).as("resolved once").isZero();
    }

    @Test
    void findNamesAGroupABareIdOrAFingerprint() {
        String group = crashLooping();
        Alert one = f.store.firing().getFirst();

        assertThat(f.desk.find("group " + group)).get().extracting(AlertDesk.AlertSet::ref, AlertDesk.AlertSet::title)
                .containsExactly("group " + group, "KubePodCrashLooping: 3 firing (cluster=eu-1)");
        assertThat(f.desk.find(group)).get().extracting(s -> s.alerts().size()).isEqualTo(3);
        assertThat(f.desk.find(one.fingerprint())).get().extracting(AlertDesk.AlertSet::ref)
                .isEqualTo("alert " + one.fingerprint());
        assertThat(f.desk.find("nothing-here")).isEmpty();
    }

    @Test
    void alertsListsFiringByDefaultAndOpensAGroupPageByPage() {
        String group = crashLooping();

        assertThat(f.desk.alerts("", f.as("alice")).plainText()).startsWith("3 firing alerts: 3 × KubePodCrashLooping");
        assertThat(f.desk.alerts("group " + group, f.as("alice")).plainText()).contains("KubePodCrashLooping");
        assertThat(f.desk.alerts("group " + group + " page 2", f.as("alice")).plainText())
                .isEqualTo("Group " + group + " has 1 page of alerts; expected a page from 1 to 1");
        assertThat(f.desk.alerts("group", f.as("alice")).plainText()).startsWith("Expected alerts group <id>");
    }

    @Test
    void reasonsAreRedactedBeforeTheyReachAlertmanagerOrTheAuditLog() {
        String group = crashLooping();

        f.desk.silence(group + " for 1h token hunter2 leaked", f.as("alice"));

        assertThat(f.silences.created.getFirst().reason()).isEqualTo("token *** leaked");
        assertThat(f.audit.getFirst().detail().get("reason")).isEqualTo("token *** leaked");
    }
}
