package dev.switchboard.config;

import dev.switchboard.config.AlertReceiverConfig.Auth;
import dev.switchboard.config.AlertReceiverConfig.Kind;
import dev.switchboard.config.AlertReceiverConfig.Mapping;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads {@code alerts.receivers}: each receiver's name, kind, authentication (a bearer token or an HMAC secret,
 * always as a {@code ${env:}} / {@code ${file:}} reference), size limit and, for generic receivers, the mapping.
 * Every problem is reported where it was written; a secret is never shown.
 */
final class AlertReceiversReader {
    static final List<String> KEYS = List.of("name", "kind", "auth", "maxBytes", "mapping");
    private static final List<String> KINDS = List.of("alertmanager", "grafana", "generic");
    private static final List<String> MAPPING_KEYS = List.of("alerts", "name", "status", "statusValues", "severity",
            "labels", "fingerprint", "summary", "links", "startsAt", "endsAt");

    private AlertReceiversReader() {}

    static List<AlertReceiverConfig> read(Optional<Cursor> section) {
        List<AlertReceiverConfig> receivers = new ArrayList<>();
        if (section.isEmpty() || section.get().isNull()) {
            return receivers;
        }
        Set<String> names = new HashSet<>();
        for (Cursor item : section.get().items("a list of receivers, like - { name: alertmanager, kind: alertmanager,"
                + " auth: { bearer: \"${file:/etc/switchboard/am-token}\" } }").orElse(List.of())) {
            receiver(item).ifPresent(r -> {
                if (names.add(r.name())) {
                    receivers.add(r);
                } else {
                    item.error("another receiver is already named " + r.name() + "; receiver names must be unique");
                }
            });
        }
        return receivers;
    }

    private static Optional<AlertReceiverConfig> receiver(Cursor item) {
        Optional<Fields> fields = item.fields(KEYS);
        if (fields.isEmpty()) {
            return Optional.empty();
        }
        Fields f = fields.get();
        Optional<String> name = f.required("name", "the receiver's name, like alertmanager").flatMap(Cursor::nonBlank);
        Optional<Kind> kind = f.required("kind", "one of " + String.join(", ", KINDS))
                .flatMap(c -> c.oneOf("receiver kind", KINDS)).map(k -> Kind.valueOf(k.toUpperCase(Locale.ROOT)));
        Optional<Auth> auth = f.required("auth", "{ bearer: \"${env:NAME}\" } or { hmac: { header: "
                + "X-Signature, secret: \"${env:NAME}\" } }").flatMap(AlertReceiversReader::auth);
        long maxBytes = ChatReader.whole(f, "maxBytes", 1, AlertReceiverConfig.MAX_MAX_BYTES,
                AlertReceiverConfig.DEFAULT_MAX_BYTES);
        Mapping mapping = null;
        if (kind.isPresent() && kind.get() == Kind.GENERIC) {
            mapping = f.required("mapping", "where the JSON keeps each field, like { alerts: /alerts, name: /title }")
                    .flatMap(AlertReceiversReader::mapping).orElse(null);
            if (mapping == null) {
                return Optional.empty();
            }
        } else if (kind.isPresent()) {
            f.get("mapping").ifPresent(c -> c.error("only generic receivers take a mapping; "
                    + kind.get().wireName() + " payloads have a fixed shape"));
        }
        if (name.isEmpty() || kind.isEmpty() || auth.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new AlertReceiverConfig(name.get(), kind.get(), auth.get(), maxBytes, mapping));
        } catch (IllegalArgumentException e) {
            f.get("name").orElse(item).error(e.getMessage());
            return Optional.empty();
        }
    }

    private static Optional<Auth> auth(Cursor c) {
        Optional<Fields> fields = c.fields(List.of("bearer", "hmac"));
        if (fields.isEmpty()) {
            return Optional.empty();
        }
        Fields f = fields.get();
        if (f.has("bearer") == f.has("hmac")) {
            c.error("expected exactly one of bearer or hmac; every receiver authenticates its sender");
            return Optional.empty();
        }
        if (f.has("bearer")) {
            return f.get("bearer").flatMap(t -> t.secret("the bearer token")).map(String::strip)
                    .map(Auth.Bearer::new);
        }
        return f.get("hmac").flatMap(h -> h.fields(List.of("header", "algorithm", "secret", "prefix"))).flatMap(h -> {
            Optional<String> header = h.required("header", "the signature header, like X-Signature")
                    .flatMap(Cursor::nonBlank);
            String algorithm = h.get("algorithm").flatMap(a -> a.oneOf("HMAC algorithm", Auth.Hmac.ALGORITHMS))
                    .orElse("sha256");
            Optional<String> secret = h.required("secret", "the shared secret as ${env:NAME} or ${file:/path}")
                    .flatMap(s -> s.secret("the HMAC secret"));
            String prefix = h.get("prefix").flatMap(Cursor::string).orElse("");
            if (header.isEmpty() || secret.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(new Auth.Hmac(header.get().strip(), algorithm, secret.get(), prefix));
        });
    }

    private static Optional<Mapping> mapping(Cursor c) {
        Optional<Fields> fields = c.fields(MAPPING_KEYS);
        if (fields.isEmpty()) {
            return Optional.empty();
        }
        Fields f = fields.get();
        Map<String, String> pointers = new LinkedHashMap<>();
        for (String key : MAPPING_KEYS) {
            if (!key.equals("statusValues")) {
                f.get(key).flatMap(Cursor::string).ifPresent(p -> pointers.put(key, p));
            }
        }
        Map<String, String> statusValues = new LinkedHashMap<>();
        f.get("statusValues").flatMap(s -> s.entries("a map of sent value to firing or resolved, like { ok: resolved }"))
                .orElse(List.of()).forEach(e -> e.getValue().oneOf("status", List.of("firing", "resolved"))
                        .ifPresent(v -> statusValues.put(e.getKey().key(), v)));
        if (!pointers.containsKey("name")) {
            f.required("name", "the JSON Pointer to each alert's name, like /title");
            return Optional.empty();
        }
        try {
            return Optional.of(new Mapping(pointers.get("alerts"), pointers.get("name"), pointers.get("status"),
                    statusValues, pointers.get("severity"), pointers.get("labels"), pointers.get("fingerprint"),
                    pointers.get("summary"), pointers.get("links"), pointers.get("startsAt"), pointers.get("endsAt")));
        } catch (IllegalArgumentException e) {
            c.error(e.getMessage());
            return Optional.empty();
        }
    }
}
