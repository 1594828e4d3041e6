package dev.switchboard.alerts.webhook;

import dev.switchboard.api.StorageException;
import dev.switchboard.api.alert.Alert;
import dev.switchboard.api.alert.AlertStore;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The configured webhook receivers, behind one entry point the HTTP server calls for {@code /hooks/alertmanager},
 * {@code /hooks/grafana} and {@code /hooks/generic/{name}}. Thread-safe; holds no state of its own between requests.
 *
 * <p>{@link #handle} checks a request in this order and answers the first failure: the receiver exists (404), the
 * declared and actual body sizes are within its limit (413), the request is authentic (401 missing or malformed,
 * 403 wrong; checked on the raw bytes before any parsing), the body is JSON (400) of the expected shape (422). Then
 * every alert of the request is stored in one all-or-nothing call and the answer is 200 with the counts; if the
 * store fails, 503 so the sender retries, and nothing is kept. Every outcome goes to the {@link HookListener}.
 */
public final class WebhookReceivers {
    private static final Logger log = LoggerFactory.getLogger(WebhookReceivers.class);
    private static final Pattern PRINTABLE_NAME = Pattern.compile("[A-Za-z0-9_.-]{1,64}");
    private static final int MESSAGE_LIMIT = 200;

    private final JsonMapper json = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();
    private final Map<String, ReceiverConfig> byName = new LinkedHashMap<>();
    private final AlertStore store;
    private final Clock clock;
    private final HookListener listener;

    /**
     * @param receivers the configured receivers; names must be unique across kinds
     * @param store where accepted alerts go
     * @param clock stamps each alert's {@code receivedAt}
     * @param listener told of every acceptance and refusal ({@link HookListener#NONE} for nobody)
     * @throws IllegalArgumentException if two receivers share a name
     */
    public WebhookReceivers(List<ReceiverConfig> receivers, AlertStore store, Clock clock, HookListener listener) {
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.listener = Objects.requireNonNull(listener, "listener");
        for (ReceiverConfig receiver : receivers) {
            if (byName.putIfAbsent(receiver.name(), receiver) != null) {
                throw new IllegalArgumentException("two webhook receivers are named " + receiver.name()
                        + "; receiver names must be unique");
            }
        }
    }

    /** The configured receivers, in configuration order. */
    public List<ReceiverConfig> receivers() {
        return List.copyOf(byName.values());
    }

    /**
     * Handles one webhook request. Never throws for anything the sender did; a broken store gives 503.
     *
     * @param kind {@code alertmanager}, {@code grafana} or {@code generic} (from the URL)
     * @param name the receiver's name; null picks the default receiver of an {@code alertmanager} or
     *     {@code grafana} kind (the one named like the kind, else the only one of that kind); generic receivers
     *     are always named
     * @param headers the request headers, names in any case
     * @param body the raw body (null: empty)
     */
    public HookAnswer handle(String kind, String name, Map<String, String> headers, byte[] body) {
        String shownKind = kind == null ? "" : kind;
        Optional<ReceiverKind> known = ReceiverKind.fromWireName(kind);
        if (known.isEmpty()) {
            return refused(shownKind, null, new Refusal(Refusal.NOT_FOUND, "there is no webhook kind "
                    + quote(shownKind) + "; expected alertmanager, grafana or generic"));
        }
        Optional<ReceiverConfig> found = find(known.get(), name);
        if (found.isEmpty()) {
            return refused(shownKind, null, new Refusal(Refusal.NOT_FOUND, notFound(known.get(), name)));
        }
        ReceiverConfig receiver = found.get();
        byte[] raw = body == null ? new byte[0] : body;
        Headers lookup = new Headers(headers == null ? Map.of() : headers);
        Optional<Refusal> refusal = tooLarge(receiver, lookup, raw)
                .or(() -> AuthCheck.verify(receiver, lookup, raw));
        if (refusal.isPresent()) {
            return refused(shownKind, receiver.name(), refusal.get());
        }
        JsonNode root;
        try {
            root = readJson(raw);
        } catch (NotJson e) {
            return refused(shownKind, receiver.name(), new Refusal(Refusal.BAD_REQUEST, e.getMessage()));
        }
        Parsed parsed = switch (receiver.kind()) {
            case ALERTMANAGER, GRAFANA -> AlertmanagerPayload.parse(root, receiver, clock.instant());
            case GENERIC -> GenericPayload.parse(root, receiver, clock.instant());
        };
        return switch (parsed) {
            case Parsed.Invalid invalid -> refused(shownKind, receiver.name(), new Refusal(Refusal.UNPROCESSABLE,
                    "the " + receiver.kind().wireName() + " payload is not as expected: " + invalid.problem()));
            case Parsed.Alerts alerts -> store(shownKind, receiver, alerts);
        };
    }

    private Optional<ReceiverConfig> find(ReceiverKind kind, String name) {
        if (name != null) {
            return Optional.ofNullable(byName.get(name)).filter(receiver -> receiver.kind() == kind);
        }
        if (kind == ReceiverKind.GENERIC) {
            return Optional.empty();
        }
        List<ReceiverConfig> ofKind = byName.values().stream().filter(receiver -> receiver.kind() == kind).toList();
        return ofKind.stream().filter(receiver -> receiver.name().equals(kind.wireName())).findFirst()
                .or(() -> ofKind.size() == 1 ? Optional.of(ofKind.getFirst()) : Optional.empty());
    }

    private String notFound(ReceiverKind kind, String name) {
        if (name != null) {
            return "there is no " + kind.wireName() + " receiver named " + quote(name);
        }
        if (kind == ReceiverKind.GENERIC) {
            return "generic receivers are addressed by name: /hooks/generic/{name}";
        }
        long count = byName.values().stream().filter(receiver -> receiver.kind() == kind).count();
        return count == 0 ? "no " + kind.wireName() + " receiver is configured"
                : "several " + kind.wireName() + " receivers are configured and none is named " + kind.wireName()
                        + "; address one by name";
    }

    private static Optional<Refusal> tooLarge(ReceiverConfig receiver, Headers headers, byte[] body) {
        long declared = headers.get("Content-Length").map(WebhookReceivers::parseLength).orElse(-1L);
        long size = Math.max(declared, body.length);
        if (size > receiver.maxBytes()) {
            return Optional.of(new Refusal(Refusal.TOO_LARGE, "the body is " + size + " bytes; receiver "
                    + receiver.name() + " takes at most " + receiver.maxBytes() + " bytes"));
        }
        return Optional.empty();
    }

    private static long parseLength(String value) {
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            return -1L;
        }
    }

    private JsonNode readJson(byte[] body) throws NotJson {
        if (body.length == 0) {
            throw new NotJson("the body is empty; expected a JSON object");
        }
        try {
            return json.readTree(body);
        } catch (JacksonException e) {
            String what = e.getOriginalMessage() == null ? "unreadable" : readable(e.getOriginalMessage());
            TokenStreamLocation at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw new NotJson("the body is not valid JSON" + where + ": " + what);
        }
    }

    private HookAnswer store(String kind, ReceiverConfig receiver, Parsed.Alerts parsed) {
        List<Alert> alerts = parsed.alerts();
        AlertStore.Stored stored;
        try {
            stored = store.record(alerts);
        } catch (StorageException e) {
            log.error("could not store {} alerts from receiver {}", alerts.size(), receiver.name(), e);
            return refused(kind, receiver.name(), new Refusal(Refusal.UNAVAILABLE,
                    "the alerts could not be stored right now and none was kept; send them again later"));
        }
        log.debug("receiver {} stored {} alerts: {}", receiver.name(), alerts.size(), stored);
        tell(new HookEvent.Accepted(kind, receiver.name(), alerts, stored, parsed.truncated()));
        ObjectNode answer = json.createObjectNode()
                .put("status", "accepted")
                .put("receiver", receiver.name())
                .put("alerts", alerts.size())
                .put("opened", stored.opened())
                .put("resolved", stored.resolved())
                .put("repeated", stored.repeated())
                .put("stale", stored.stale())
                .put("truncatedAlerts", parsed.truncated());
        return new HookAnswer(200, json.writeValueAsString(answer));
    }

    private HookAnswer refused(String kind, String receiver, Refusal refusal) {
        log.info("webhook {}{} refused with {}: {}", quote(kind), receiver == null ? "" : " receiver " + receiver,
                refusal.status(), refusal.message());
        tell(new HookEvent.Refused(kind, receiver, refusal.status(), refusal.message()));
        ObjectNode answer = json.createObjectNode().put("status", "refused").put("error", refusal.message());
        return new HookAnswer(refusal.status(), json.writeValueAsString(answer));
    }

    private void tell(HookEvent event) {
        try {
            listener.heard(event);
        } catch (RuntimeException e) {
            log.error("the webhook listener failed on {}", event.getClass().getSimpleName(), e);
        }
    }

    /** A name from the URL, quoted if it is plain, else not repeated (it may be anything a client sent). */
    private static String quote(String name) {
        return PRINTABLE_NAME.matcher(name).matches() ? "'" + name + "'" : "(a name that is not shown)";
    }

    /** Jackson's message without its notes on source redaction and Java binding, which mean nothing to a sender. */
    private static String readable(String message) {
        if (message.startsWith("Trailing token")) {
            return "more JSON follows the first value; expected exactly one JSON object";
        }
        String plain = firstLine(message);
        for (String noise : List.of("(start marker at", "[Source:")) {
            int at = plain.indexOf(noise);
            plain = at < 0 ? plain : plain.substring(0, at);
        }
        return plain.isBlank() ? "unreadable" : plain.strip();
    }

    private static String firstLine(String message) {
        int newline = message.indexOf('\n');
        String line = newline < 0 ? message : message.substring(0, newline);
        return line.length() > MESSAGE_LIMIT ? line.substring(0, MESSAGE_LIMIT) + "..." : line;
    }

    /** The body could not be read as JSON; the message says where and why. */
    private static final class NotJson extends Exception {
        NotJson(String message) {
            super(message, null, false, false);
        }
    }
}
