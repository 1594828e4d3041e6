package dev.switchboard.alerts.desk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.alerts.desk.DeskFixture.FakePager;
import dev.switchboard.alerts.memory.InMemoryAlertPages;
import dev.switchboard.api.StorageException;
import dev.switchboard.api.alert.Alert;
import dev.switchboard.api.alert.AlertPages;
import dev.switchboard.api.alert.AlertPages.Page;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Pages sent with {@code escalate} are remembered in {@link AlertPages}, so a desk built after a restart reaches them. */
class EscalatePagesRestartTest {

    @Test
    void aGroupPagedBeforeARestartIsAcknowledgedAndThenResolvedByTheNewDesk() {
        DeskFixture f = new DeskFixture();
        Alert p1 = f.firing("DiskFull", "instance", "host1", "severity", "critical");
        Alert p2 = f.firing("DiskFull", "instance", "host2", "severity", "critical");
        String group = f.receive(p1, p2);
        String key = "switchboard-group-" + group;
        f.desk.escalate("group " + group, f.as("alice"));
        assertThat(f.pages.all()).containsExactly(Page.ofGroup(key, "pagerduty", group, f.clock.instant(), "alice"));

        FakePager after = new FakePager();
        AlertCommands restarted = f.restarted(after);
        String ack = restarted.ack("group " + group, f.as("bob")).plainText();

        assertThat(ack).contains("Also acknowledged on PagerDuty.");
        assertThat(after.acknowledged).containsExactly(key + " by bob");
        assertThat(restarted.resolveEndedPages()).as("both alerts still fire").isZero();

        f.clock.advance(Duration.ofMinutes(1));
        f.receive(f.resolved(p1));
        f.receive(f.resolved(p2));
        f.clock.advance(Duration.ofSeconds(2));
        f.tick();

        assertThat(restarted.resolveEndedPages()).isEqualTo(1);
        assertThat(after.resolved).containsExactly(key + " by switchboard");
        assertThat(f.audit.getLast().detail()).containsEntry("action", "resolve").containsEntry("dedupKey", key);
        assertThat(f.pages.all()).as("forgotten once resolved").isEmpty();
        assertThat(f.restarted(new FakePager()).resolveEndedPages()).as("not resolved again after a restart")
                .isZero();
    }

    @Test
    void anAlertPagedBeforeARestartIsResolvedOnceItResolves() {
        DeskFixture f = new DeskFixture();
        Alert disk = f.firing("DiskFull", "instance", "host1");
        f.receive(disk);
        f.desk.escalate(disk.fingerprint(), f.as("carol"));

        FakePager after = new FakePager();
        AlertCommands restarted = f.restarted(after);
        f.clock.advance(Duration.ofMinutes(5));
        f.receive(f.resolved(disk));

        assertThat(restarted.resolveEndedPages()).isEqualTo(1);
        assertThat(after.resolved).containsExactly("switchboard-alert-" + disk.fingerprint() + " by switchboard");
        assertThat(f.pages.all()).isEmpty();
    }

    @Test
    void aPageThatCannotBeSavedIsStillSentAndTheReplySaysItWillNotOutliveARestart() {
        DeskFixture f = new DeskFixture(new UnsavablePages());
        String group = f.receive(f.firing("DiskFull", "instance", "host1", "severity", "critical"));

        String reply = f.desk.escalate("group " + group, f.as("alice")).plainText();

        assertThat(reply).startsWith("Escalated group " + group + " to PagerDuty").endsWith(EscalateCommand.NOT_SAVED);
        assertThat(reply).contains("will not be remembered across a restart");
        assertThat(f.pager.triggered).hasSize(1);
        assertThat(f.desk.ack("group " + group, f.as("alice")).plainText()).as("remembered until the restart")
                .contains("Also acknowledged on PagerDuty.");
        FakePager after = new FakePager();
        f.restarted(after).ack("group " + group, f.as("bob"));
        assertThat(after.acknowledged).isEmpty();
    }

    @Test
    void aPageToAServiceNoLongerConfiguredIsKeptButNotActedOn() {
        DeskFixture f = new DeskFixture();
        String group = f.receive(f.firing("DiskFull", "instance", "host1"));
        Page toOpsgenie = Page.ofGroup("switchboard-group-" + group, "opsgenie", group, f.clock.instant(), "alice");
        f.pages.save(toOpsgenie);
        f.clock.advance(Duration.ofMinutes(1));
        f.receive(f.resolved(f.store.firing().getFirst()));
        f.clock.advance(Duration.ofSeconds(2));
        f.tick();

        FakePager after = new FakePager();
        AlertCommands restarted = f.restarted(after);

        assertThat(restarted.ack("group " + group, f.as("bob")).plainText()).doesNotContain("acknowledged on");
        assertThat(restarted.resolveEndedPages()).isZero();
        assertThat(after.acknowledged).isEmpty();
        assertThat(after.resolved).isEmpty();
        assertThat(f.pages.all()).containsExactly(toOpsgenie);
    }

    /** Reads and removes like the in-memory store, but every save fails as a broken database would. */
    private static final class UnsavablePages implements AlertPages {
        private final InMemoryAlertPages kept = new InMemoryAlertPages();

        @Override
        public void save(Page page) {
            throw new StorageException("while saving the page " + page.dedupKey() + ": connection refused");
        }

        @Override
        public void remove(String dedupKey) {
            kept.remove(dedupKey);
        }

        @Override
        public List<Page> all() {
            return kept.all();
        }
    }
}
