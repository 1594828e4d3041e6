package dev.switchboard.core.incident;

import dev.switchboard.api.AdapterException;
import dev.switchboard.api.alert.Alert;
import dev.switchboard.api.alert.AlertDesk;
import dev.switchboard.api.audit.AuditEvent;
import dev.switchboard.api.audit.AuditEventType;
import dev.switchboard.api.audit.AuditLog;
import dev.switchboard.api.chat.ConversationRef;
import dev.switchboard.api.incident.Incident;
import dev.switchboard.api.incident.Incident.Role;
import dev.switchboard.api.incident.Incident.Severity;
import dev.switchboard.api.incident.Incident.Status;
import dev.switchboard.api.incident.IncidentStore;
import dev.switchboard.api.incident.NewIncident;
import dev.switchboard.api.incident.TimelineEntry;
import dev.switchboard.api.incident.TimelineEntry.Kind;
import dev.switchboard.api.reply.Reply;
import dev.switchboard.core.chat.ChatGateway;
import dev.switchboard.core.identity.UserDirectory;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The incident service: every change to an incident goes through here, so each one lands on its timeline, in the
 * audit log ({@code incident_declared}, {@code incident_updated}, {@code incident_resolved}, with the incident id
 * and the change in the details) and, for declare and resolve, in the announcement channel. User texts are
 * redacted before they are stored. When rooms are configured, a declared incident gets its own conversation
 * ({@link IncidentRooms}); commands there count as run in the incident's conversation. Thread-safe; concurrent changes to one incident are retried a few times against
 * the store's revision check. Storage and audit failures propagate as {@link dev.switchboard.api.StorageException}.
 */
public final class Incidents {
    private static final Logger log = LoggerFactory.getLogger(Incidents.class);
    private static final int ATTEMPTS = 5;
    /** Alerts of one group put on the timeline one by one; the rest are counted in one entry. */
    static final int MAX_ALERT_ENTRIES = 100;

    /** Who acts, for the timeline and the audit log. {@code account} and {@code correlationId} may be null. */
    public record Actor(String id, String account, String correlationId) {
        public Actor {
            Objects.requireNonNull(id, "id");
        }
    }

    /** What a change did. */
    public sealed interface Result {
        /** Stored; {@code incident} is as it now stands. */
        record Changed(Incident incident) implements Result {}

        /** There is no incident {@code id}. */
        record Unknown(String id) implements Result {}

        /** The incident is resolved; nothing changed. */
        record AlreadyResolved(Incident incident) implements Result {}

        /** Others kept changing it; nothing changed, try again. */
        record Busy(String id) implements Result {}
    }

    /** What became of an incident's dedicated room when it was declared. */
    public sealed interface Room {
        /** No rooms are configured. */
        record None() implements Room {}

        /** Created; {@code notInvited} names who could not be invited and why. */
        record Opened(ConversationRef room, String name, List<String> notInvited) implements Room {
            public Opened {
                Objects.requireNonNull(room, "room");
                notInvited = List.copyOf(notInvited);
            }
        }

        /** Not created; {@code reason} is safe to show. The incident is declared all the same. */
        record Failed(String reason) implements Room {}
    }

    /**
     * A declared incident, its room, and how many alerts were linked from the alert set it was declared from.
     */
    public record Declaration(Incident incident, Room room, int alertsLinked) {}

    private final IncidentStore store;
    private final AuditLog audit;
    private final ChatGateway gateway;
    private final Clock clock;
    private final ConversationRef announce;
    private final UnaryOperator<String> redact;
    private final IncidentRooms rooms;

    /** Incidents without dedicated rooms. */
    public Incidents(IncidentStore store, AuditLog audit, ChatGateway gateway, Clock clock, ConversationRef announce,
            UnaryOperator<String> redact) {
        this(store, audit, gateway, clock, announce, redact, null, () -> UserDirectory.EMPTY);
    }

    /**
     * @param announce where declared and resolved incidents are announced; null for nowhere
     * @param redact masks secrets in user texts before they are stored or posted
     * @param rooms where declared incidents get a dedicated room; null for no rooms
     * @param users the configured users, read per declaration, to invite people by their accounts
     */
    public Incidents(IncidentStore store, AuditLog audit, ChatGateway gateway, Clock clock, ConversationRef announce,
            UnaryOperator<String> redact, RoomSettings rooms, Supplier<UserDirectory> users) {
        this.rooms = new IncidentRooms(rooms, Objects.requireNonNull(gateway, "gateway"),
                Objects.requireNonNull(users, "users"));
        this.store = Objects.requireNonNull(store, "store");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.gateway = Objects.requireNonNull(gateway, "gateway");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.announce = announce;
        this.redact = Objects.requireNonNull(redact, "redact");
    }

    public IncidentStore store() {
        return store;
    }

    /** Declares an incident in {@code where}; {@code commander} is the declarer when null. */
    public Incident declare(String title, Severity severity, String commander, ConversationRef where, Actor by) {
        return declare(title, severity, commander, where, by, null).incident();
    }

    /**
     * Declares an incident in {@code where}, opens its room when rooms are configured, links every alert of
     * {@code from} (null for none), and announces it. {@code commander} is the declarer when null.
     */
    public Declaration declare(String title, Severity severity, String commander, ConversationRef where, Actor by,
            AlertDesk.AlertSet from) {
        String cleanTitle = redact.apply(title.strip());
        String lead = commander != null ? commander : by.id();
        NewIncident draft = new NewIncident(cleanTitle, severity, lead, where, clock.instant());
        Incident incident = store.declare(draft, new TimelineEntry(draft.declaredAt(), by.id(), Kind.DECLARED,
                "declared " + severity.wireName() + ": " + cleanTitle + " (commander " + lead + ")"));
        AuditEvent.Builder declared = event(AuditEventType.INCIDENT_DECLARED, incident, by)
                .detail("severity", severity.wireName()).detail("commander", lead).text(cleanTitle);
        audit.record((from == null ? declared : declared.detail("from", from.ref())).build());
        Room room = rooms.open(incident, by);
        if (room instanceof Room.Opened opened) {
            String invited = opened.notInvited().isEmpty() ? "" : "; not invited: "
                    + String.join(", ", opened.notInvited());
            Result withRoom = change(incident.id(), by, AuditEventType.INCIDENT_UPDATED, "room",
                    opened.room().toString(), i -> i.withRoom(opened.room()), Kind.LINK,
                    "room " + opened.room() + " (" + opened.name() + ")" + invited);
            if (withRoom instanceof Result.Changed(Incident stored)) {
                incident = stored;
            }
            post(opened.room(), Reply.text(incident.id() + " (" + severity.wireName() + "): " + cleanTitle
                    + ". Commander: " + lead + ". Declared by " + by.id() + " in " + where
                    + ". Commands run here go on its timeline."));
        }
        int linked = from == null ? 0 : appendAlerts(incident, from, by);
        String follow = incident.room() != null ? incident.room().toString() : where.toString();
        tell(incident, Reply.text(by.id() + " declared " + incident.id() + " (" + severity.wireName() + "): "
                + cleanTitle + ". Commander: " + lead + "." + (from == null ? "" : " From " + from.ref() + " ("
                + linked + (linked == 1 ? " alert" : " alerts") + ").") + " Follow it in " + follow + "."));
        return new Declaration(incident, room, linked);
    }

    /** Links every alert of {@code alerts} to incident {@code id}, one timeline entry each (up to a bound). */
    public Result linkAlerts(String id, AlertDesk.AlertSet alerts, Actor by) {
        Optional<Incident> found = store.find(id);
        if (found.isEmpty()) {
            return new Result.Unknown(id);
        }
        if (!found.get().open()) {
            return new Result.AlreadyResolved(found.get());
        }
        appendAlerts(found.get(), alerts, by);
        return new Result.Changed(found.get());
    }

    private int appendAlerts(Incident incident, AlertDesk.AlertSet set, Actor by) {
        List<Alert> alerts = set.alerts();
        for (Alert alert : alerts.subList(0, Math.min(alerts.size(), MAX_ALERT_ENTRIES))) {
            store.append(incident.id(), new TimelineEntry(clock.instant(), by.id(), Kind.LINK, redact.apply(
                    "linked alert " + alert.fingerprint() + " " + alert.name() + " (" + alert.status().wireName()
                            + (alert.summary() == null ? ")" : "): " + alert.summary()))));
        }
        if (alerts.size() > MAX_ALERT_ENTRIES) {
            store.append(incident.id(), new TimelineEntry(clock.instant(), by.id(), Kind.LINK, "linked "
                    + (alerts.size() - MAX_ALERT_ENTRIES) + " more alerts of " + set.ref() + " (alerts " + set.ref()
                    + " lists them all)"));
        }
        audit.record(event(AuditEventType.INCIDENT_UPDATED, incident, by).detail("link", set.ref())
                .detail("alerts", Integer.toString(alerts.size())).build());
        return alerts.size();
    }

    public Result status(String id, Status status, String message, Actor by) {
        String why = message == null || message.isBlank() ? "" : ": " + redact.apply(message.strip());
        return change(id, by, AuditEventType.INCIDENT_UPDATED, "status", status.wireName(),
                i -> i.withStatus(status), Kind.STATUS, "status " + status.wireName() + why);
    }

    public Result assign(String id, Role role, String user, Actor by) {
        return change(id, by, AuditEventType.INCIDENT_UPDATED, role.wireName(), user, i -> i.withRole(role, user),
                Kind.ROLE, role.wireName() + ": " + user);
    }

    public Result severity(String id, Severity severity, Actor by) {
        return change(id, by, AuditEventType.INCIDENT_UPDATED, "severity", severity.wireName(),
                i -> i.withSeverity(severity), Kind.SEVERITY, "severity " + severity.wireName());
    }

    /** Links something else ({@code what} is {@code job}, say, and {@code ref} its number and description). */
    public Result link(String id, String what, String ref, Actor by) {
        String text = what + " " + redact.apply(ref);
        return change(id, by, AuditEventType.INCIDENT_UPDATED, "link", text, UnaryOperator.identity(), Kind.LINK,
                "linked " + text);
    }

    public Result resolve(String id, String summary, Actor by) {
        String clean = summary == null || summary.isBlank() ? null : redact.apply(summary.strip());
        Result result = change(id, by, AuditEventType.INCIDENT_RESOLVED, "summary", clean,
                i -> i.resolved(clock.instant(), clean), Kind.RESOLVED, clean == null ? "resolved" : "resolved: "
                        + clean);
        if (result instanceof Result.Changed(Incident incident)) {
            tell(incident, Reply.text(by.id() + " resolved " + incident.id() + " (" + incident.title() + ")"
                    + (clean == null ? "." : ": " + clean)));
        }
        return result;
    }

    /** Adds a note; notes are welcome after resolution too (follow-ups). */
    public Result note(String id, String text, Actor by) {
        Optional<Incident> found = store.find(id);
        if (found.isEmpty()) {
            return new Result.Unknown(id);
        }
        String clean = redact.apply(text.strip());
        if (!store.append(found.get().id(), new TimelineEntry(clock.instant(), by.id(), Kind.NOTE, clean))) {
            return new Result.Unknown(id);
        }
        audit.record(event(AuditEventType.INCIDENT_UPDATED, found.get(), by).detail("note", clean).build());
        return new Result.Changed(found.get());
    }

    /**
     * Puts a command run in {@code where} on the timeline of the open incident declared there, if there is exactly
     * one; returns it. {@code text} and {@code result} must already be redacted.
     */
    public Optional<Incident> recordCommand(ConversationRef where, String who, String text, String result) {
        List<Incident> here = openIn(where);
        if (here.size() != 1) {
            return Optional.empty();
        }
        Incident incident = here.getFirst();
        store.append(incident.id(), new TimelineEntry(clock.instant(), who, Kind.COMMAND, text + " → " + result));
        return Optional.of(incident);
    }

    /**
     * Puts how a job started from incident {@code id}'s conversation ended on its timeline (after resolution too:
     * a job may outlive the incident). {@code text} must already be redacted. False for an unknown incident.
     */
    public boolean recordJobEnd(String id, String who, String text) {
        return store.append(id, new TimelineEntry(clock.instant(), who, Kind.COMMAND, text));
    }

    public Optional<Incident> find(String id) {
        return store.find(id);
    }

    public List<Incident> open() {
        return store.open();
    }

    /**
     * The open incidents declared in {@code where} or whose room it is (threads count as the same conversation),
     * oldest first.
     */
    public List<Incident> openIn(ConversationRef where) {
        return store.open().stream().filter(i -> i.workedIn(where)).toList();
    }

    public List<TimelineEntry> timeline(String id) {
        return store.timeline(id);
    }

    /** The postmortem Markdown of {@code id} as it stands now (the API serves the same text); empty if unknown. */
    public Optional<String> postmortem(String id) {
        return store.find(id).map(i -> PostmortemDocument.render(i, store.timeline(i.id())));
    }

    private Result change(String id, Actor by, AuditEventType type, String key, String value,
            UnaryOperator<Incident> edit, Kind kind, String text) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Optional<Incident> found = store.find(id);
            if (found.isEmpty()) {
                return new Result.Unknown(id);
            }
            if (!found.get().open()) {
                return new Result.AlreadyResolved(found.get());
            }
            Optional<Incident> stored = store.update(edit.apply(found.get()),
                    new TimelineEntry(clock.instant(), by.id(), kind, text));
            if (stored.isPresent()) {
                audit.record(event(type, stored.get(), by).detail(key, value).build());
                return new Result.Changed(stored.get());
            }
        }
        return new Result.Busy(id);
    }

    private AuditEvent.Builder event(AuditEventType type, Incident incident, Actor by) {
        return AuditEvent.builder(type, clock.instant()).actor(by.id()).account(by.account())
                .correlationId(by.correlationId()).conversation(incident.conversation().toString())
                .detail("incident", incident.id()).detail("status", incident.status().wireName());
    }

    private void tell(Incident incident, Reply reply) {
        if (announce == null || (announce.platform().equals(incident.conversation().platform())
                && announce.id().equals(incident.conversation().id()))) {
            return;
        }
        post(announce, reply);
    }

    private void post(ConversationRef to, Reply reply) {
        try {
            gateway.say(to, reply);
        } catch (AdapterException e) {
            // The incident is stored and audited; a missed post must not undo that.
            log.warn("could not post about an incident in {}: {}", to, e.getMessage());
        }
    }
}
