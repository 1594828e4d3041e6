package dev.switchboard.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.api.alert.AlertGroupStore;
import dev.switchboard.api.alert.SavedAlertGroup;
import dev.switchboard.api.chat.ConversationRef;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What every {@link AlertGroupStore} must do. Subclasses return the store under test from {@link #store()}; it may
 * be shared with other tests (a database), so every test looks only at groups with ids it made up itself. Times are
 * kept to the millisecond, the precision every store keeps.
 */
public abstract class AlertGroupStoreContract {
    private static final Instant T0 = Instant.parse("2026-11-26T15:31:32.125Z");

    /** The store under test; always the same store within a test. */
    protected abstract AlertGroupStore store();

    private static String newId() {
        return "t" + UUID.randomUUID().toString().replace("-", "").substring(0, 9);
    }

    private static SavedAlertGroup open(String id) {
        return new SavedAlertGroup(id, "critical", new ConversationRef("slack", "C024BE91L", "1700000000.000100"),
                Map.of("cluster", "eu-1", "alertname", "DiskFull"), List.of("fp-b", "fp-a"), null, true, false, T0,
                null, null, null);
    }

    private List<SavedAlertGroup> mine(String... ids) {
        List<String> wanted = List.of(ids);
        return store().all().stream().filter(g -> wanted.contains(g.id())).toList();
    }

    @Test
    void aSavedGroupComesBackWithEveryField() {
        String id = newId();
        SavedAlertGroup posted = new SavedAlertGroup(id, "eu.critical-1", ConversationRef.of("web", "#alerts"),
                Map.of("alertname", "Disk \"Full\" ünïcode", "cluster", "eu-1"), List.of("10fd2ebfb5d5241b", "fp:2"),
                "m1a2b-7", false, true, T0, T0.plusSeconds(30), T0.plusSeconds(95), T0.plusSeconds(95));

        store().save(List.of(posted));

        assertThat(mine(id)).containsExactly(posted);
    }

    @Test
    void nullTimesAMissingMessageAndAThreadAreKept() {
        String id = newId();
        SavedAlertGroup waiting = open(id);

        store().save(List.of(waiting));

        assertThat(mine(id)).singleElement().satisfies(g -> {
            assertThat(g).isEqualTo(waiting);
            assertThat(g.conversation().thread()).isEqualTo("1700000000.000100");
            assertThat(g.messageId()).isNull();
            assertThat(g.lastSayAt()).isNull();
        });
    }

    @Test
    void savingAgainReplacesTheGroupIncludingItsMembers() {
        String id = newId();
        store().save(List.of(open(id)));
        SavedAlertGroup later = new SavedAlertGroup(id, "critical", ConversationRef.of("web", "#alerts"),
                Map.of("alertname", "DiskFull"), List.of("fp-c"), "m-9", false, false, T0, T0.plusSeconds(1),
                T0.plusSeconds(2), null);

        store().save(List.of(later));

        assertThat(mine(id)).containsExactly(later);
    }

    @Test
    void groupsComeBackOldestFirstAndDeletedOnesAreGone() {
        String first = newId();
        String second = newId();
        String third = newId();
        SavedAlertGroup newer = new SavedAlertGroup(second, "r", ConversationRef.of("web", "#a"), Map.of(),
                List.of(), null, false, false, T0.plusSeconds(60), null, null, null);
        store().save(List.of(newer, open(first), open(third)));

        store().delete(List.of(third, "nosuchgroup"));

        assertThat(mine(first, second, third)).extracting(SavedAlertGroup::id).containsExactly(first, second);
    }

    @Test
    void emptySavesAndDeletesChangeNothing() {
        String id = newId();
        store().save(List.of(open(id)));

        store().save(List.of());
        store().delete(List.of());

        assertThat(mine(id)).hasSize(1);
    }

    @Test
    void aBatchOfManyGroupsIsSavedInOneCall() {
        String prefix = newId().substring(0, 8);
        List<SavedAlertGroup> storm = new java.util.ArrayList<>();
        for (int i = 0; i < 500; i++) {
            storm.add(open(prefix + Integer.toString(i, 36)));
        }

        store().save(storm);

        assertThat(store().all().stream().filter(g -> g.id().startsWith(prefix))).hasSize(500);
    }
}
