package dev.switchboard.app.cli;

import dev.switchboard.api.audit.AuditChain;
import dev.switchboard.api.audit.AuditRecord;

/**
 * One audit record as a line of JSON: {@code {"seq":1,"hash":"…","prevHash":"…","event":{…}}}, where
 * {@code event} is exactly the chain's canonical form ({@link AuditChain#canonicalJson}), so a reader can re-hash
 * {@code prevHash ‖ event} byte for byte, or parse the event and hash it with {@link AuditChain#hash}. Stateless.
 */
final class AuditJsonLines {
    private AuditJsonLines() {}

    static String line(AuditRecord record) {
        String event = AuditChain.canonicalJson(record.seq(), record.event());
        StringBuilder line = new StringBuilder(event.length() + 180).append("{\"seq\":").append(record.seq());
        string(line.append(",\"hash\":"), record.hash());
        string(line.append(",\"prevHash\":"), record.prevHash());
        return line.append(",\"event\":").append(event).append('}').toString();
    }

    /** Hashes are hex when the chain wrote them, but a tampered row may hold anything; the line stays valid JSON. */
    private static void string(StringBuilder json, String value) {
        json.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"' || c == '\\') {
                json.append('\\').append(c);
            } else if (c < 0x20) {
                json.append(String.format("\\u%04x", (int) c));
            } else {
                json.append(c);
            }
        }
        json.append('"');
    }
}
