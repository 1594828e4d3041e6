package dev.switchboard.api.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * The definition of the audit hash chain, shared by every writer and verifier so they cannot disagree.
 *
 * <p>Canonical form: a JSON object with the keys in this fixed order, null fields left out, no whitespace:
 * {@code seq, type, time, correlationId, actor, account, conversation, text, commandId, args, jobId, rule, detail}
 * ({@code args} and {@code detail} as objects with sorted keys, {@code time} as ISO-8601 UTC). The hash of a record
 * is the lower-case hex SHA-256 of the previous record's hash (64 zeros before the first) followed by the
 * canonical form, both as UTF-8.
 */
public final class AuditChain {
    /** The "previous hash" of the first record. */
    public static final String GENESIS = "0".repeat(64);

    // Looking up a digest per event costs more than hashing it; one per thread is safe and cheap.
    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(AuditChain::sha256);

    private AuditChain() {}

    public static String canonicalJson(long seq, AuditEvent e) {
        StringBuilder json = new StringBuilder(256).append("{\"seq\":").append(seq);
        field(json, "type", e.type().wireName());
        field(json, "time", e.time().toString());
        field(json, "correlationId", e.correlationId());
        field(json, "actor", e.actor());
        field(json, "account", e.account());
        field(json, "conversation", e.conversation());
        field(json, "text", e.text());
        field(json, "commandId", e.commandId());
        map(json, "args", e.args());
        if (e.jobId() != null) {
            json.append(",\"jobId\":").append(e.jobId());
        }
        field(json, "rule", e.rule());
        map(json, "detail", e.detail());
        return json.append('}').toString();
    }

    public static String hash(String prevHash, long seq, AuditEvent event) {
        MessageDigest sha = SHA256.get();
        sha.reset();
        sha.update(prevHash.getBytes(StandardCharsets.UTF_8));
        sha.update(canonicalJson(seq, event).getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(sha.digest());
    }

    /** Links events after a head ({@code headSeq} 0 and {@link #GENESIS} for an empty log). */
    public static List<AuditRecord> link(long headSeq, String headHash, List<AuditEvent> events) {
        List<AuditRecord> records = new ArrayList<>(events.size());
        long seq = headSeq;
        String prev = headHash;
        for (AuditEvent event : events) {
            seq++;
            String hash = hash(prev, seq, event);
            records.add(new AuditRecord(seq, event, prev, hash));
            prev = hash;
        }
        return records;
    }

    /** Starts checking a chain from its first record. */
    public static Verifier verifier() {
        return new Verifier();
    }

    /**
     * Checks records one at a time, in sequence order, and remembers the first break. Streaming, so a log of
     * millions of records is verified in constant memory.
     */
    public static final class Verifier {
        private long expectedSeq = 1;
        private String prevHash = GENESIS;
        private long checked;
        private VerifyResult.Broken broken;

        /** Checks the next record; returns false once the chain is broken (later records are not checked). */
        public boolean accept(AuditRecord r) {
            if (broken != null) {
                return false;
            }
            if (r.seq() != expectedSeq) {
                broken = new VerifyResult.Broken(expectedSeq, r.seq() > expectedSeq
                        ? "record " + expectedSeq + " is missing (deleted), the next one is " + r.seq()
                        : "record " + r.seq() + " appears out of order after " + (expectedSeq - 1));
            } else if (!r.prevHash().equals(prevHash)) {
                broken = new VerifyResult.Broken(r.seq(),
                        "record " + r.seq() + " does not follow the record before it (inserted, deleted or reordered)");
            } else if (!hash(r.prevHash(), r.seq(), r.event()).equals(r.hash())) {
                broken = new VerifyResult.Broken(r.seq(), "record " + r.seq() + " was edited (its hash does not match its content)");
            } else {
                checked++;
                expectedSeq++;
                prevHash = r.hash();
                return true;
            }
            return false;
        }

        public VerifyResult result() {
            return broken != null ? broken : new VerifyResult.Intact(checked, prevHash);
        }
    }

    private static void field(StringBuilder json, String name, String value) {
        if (value != null) {
            json.append(",\"").append(name).append("\":");
            quote(json, value);
        }
    }

    private static void map(StringBuilder json, String name, Map<String, String> values) {
        if (values.isEmpty()) {
            return;
        }
        json.append(",\"").append(name).append("\":{");
        boolean first = true;
        // AuditEvent keeps its maps sorted already; anything else is sorted here.
        Map<String, String> sorted = values instanceof java.util.SortedMap<String, String> ? values
                : isSortedView(values) ? values : new java.util.TreeMap<>(values);
        for (Map.Entry<String, String> entry : sorted.entrySet()) {
            if (!first) {
                json.append(',');
            }
            first = false;
            quote(json, entry.getKey());
            json.append(':');
            quote(json, entry.getValue());
        }
        json.append('}');
    }

    private static boolean isSortedView(Map<String, String> values) {
        String previous = null;
        for (String key : values.keySet()) {
            if (previous != null && previous.compareTo(key) >= 0) {
                return false;
            }
            previous = key;
        }
        return true;
    }

    private static void quote(StringBuilder json, String s) {
        json.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                default -> {
                    if (c < 0x20) {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        json.append('"');
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
