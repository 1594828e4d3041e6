package dev.switchboard.api.alert;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The pages sent from chat with {@code escalate <alert|group> [service]}: which dedup key went to which paging
 * service and about what, so that after a restart {@code ack} still acknowledges the page on that service and the
 * end of its alerts still resolves it there. A page is saved once the service took the trigger and removed once the
 * service took the resolve; a dedup key has at most one page (a later save replaces it). Thread-safe. Arguments are
 * never null; throws {@link dev.switchboard.api.StorageException} when the store cannot be used.
 */
public interface AlertPages {

    /** Most pages {@link #all} answers. */
    int MAX_PAGES = 10_000;

    /**
     * Dedup key {@code dedupKey} was paged to the configured escalation service {@code service} (its lower-case
     * name in the configuration, like {@code pagerduty}) by Switchboard user {@code by} at {@code at}, about alert
     * group {@code groupId} or about the one alert {@code fingerprint}: exactly one of the two is non-null.
     * Immutable.
     */
    record Page(String dedupKey, String service, String groupId, String fingerprint, Instant at, String by) {
        public Page {
            Objects.requireNonNull(dedupKey, "dedupKey");
            Objects.requireNonNull(service, "service");
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(by, "by");
            if (dedupKey.isBlank() || service.isBlank() || by.isBlank()) {
                throw new IllegalArgumentException("a page needs a dedup key, a service and the id of who paged");
            }
            if ((groupId == null) == (fingerprint == null)) {
                throw new IllegalArgumentException("a page is about a group or one alert: give exactly one of"
                        + " groupId and fingerprint");
            }
        }

        /** A page about alert group {@code groupId}. */
        public static Page ofGroup(String dedupKey, String service, String groupId, Instant at, String by) {
            return new Page(dedupKey, service, Objects.requireNonNull(groupId, "groupId"), null, at, by);
        }

        /** A page about the one alert {@code fingerprint}. */
        public static Page ofAlert(String dedupKey, String service, String fingerprint, Instant at, String by) {
            return new Page(dedupKey, service, null, Objects.requireNonNull(fingerprint, "fingerprint"), at, by);
        }
    }

    /** Saves {@code page}, replacing an earlier page with the same dedup key; when this returns it is durable. */
    void save(Page page);

    /** Forgets the page with {@code dedupKey}; nothing happens when there is none. */
    void remove(String dedupKey);

    /** The saved pages, oldest first (then by dedup key), at most {@link #MAX_PAGES}. */
    List<Page> all();
}
