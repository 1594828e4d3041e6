package dev.switchboard.core.audit;

import dev.switchboard.api.audit.AuditChain;
import dev.switchboard.api.audit.AuditEvent;
import dev.switchboard.api.audit.AuditQuery;
import dev.switchboard.api.audit.AuditRecord;
import dev.switchboard.api.audit.AuditStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An {@link AuditStore} in memory: for tests and throwaway demos, never for anything that must survive a restart.
 * Thread-safe (every method is synchronized); appends are linked with {@link AuditChain#link}, so the chain is the
 * same as the database stores write. Queries filter like the JDBC store: actor, command glob, types, since, newest
 * first, at most {@code limit} (a limit of 0 or less finds nothing).
 */
public final class InMemoryAuditStore implements AuditStore {
    private final List<AuditRecord> records = new ArrayList<>();

    @Override
    public synchronized List<AuditRecord> append(List<AuditEvent> events) {
        AuditRecord head = records.isEmpty() ? null : records.getLast();
        List<AuditRecord> linked = AuditChain.link(head == null ? 0 : head.seq(),
                head == null ? AuditChain.GENESIS : head.hash(), events);
        records.addAll(linked);
        return linked;
    }

    @Override
    public synchronized List<AuditRecord> read(long fromSeq, int limit) {
        List<AuditRecord> out = new ArrayList<>();
        int start = (int) Math.max(0, Math.min(fromSeq - 1, records.size()));
        for (int i = start; i < records.size() && out.size() < limit; i++) {
            out.add(records.get(i));
        }
        return out;
    }

    @Override
    public synchronized List<AuditRecord> query(AuditQuery query) {
        Pattern command = query.commandPattern() == null ? null : glob(query.commandPattern());
        List<AuditRecord> out = new ArrayList<>();
        for (int i = records.size() - 1; i >= 0 && out.size() < query.limit(); i--) {
            AuditRecord r = records.get(i);
            AuditEvent e = r.event();
            if (query.actor() != null && !query.actor().equals(e.actor())) {
                continue;
            }
            if (command != null && (e.commandId() == null || !command.matcher(e.commandId()).matches())) {
                continue;
            }
            if (!query.types().isEmpty() && !query.types().contains(e.type())) {
                continue;
            }
            if (query.since() != null && e.time().isBefore(query.since())) {
                continue;
            }
            out.add(r);
        }
        return out;
    }

    @Override
    public synchronized Optional<AuditRecord> head() {
        return records.isEmpty() ? Optional.empty() : Optional.of(records.getLast());
    }

    /** Every record, oldest first (a copy). */
    public synchronized List<AuditRecord> all() {
        return List.copyOf(records);
    }

    /** {@code *} is any run of characters, {@code ?} one character; everything else is literal. */
    static Pattern glob(String glob) {
        StringBuilder regex = new StringBuilder();
        StringBuilder literal = new StringBuilder();
        for (char c : glob.toCharArray()) {
            if (c == '*' || c == '?') {
                if (!literal.isEmpty()) {
                    regex.append(Pattern.quote(literal.toString()));
                    literal.setLength(0);
                }
                regex.append(c == '*' ? ".*" : ".");
            } else {
                literal.append(c);
            }
        }
        if (!literal.isEmpty()) {
            regex.append(Pattern.quote(literal.toString()));
        }
        return Pattern.compile(regex.toString());
    }
}
