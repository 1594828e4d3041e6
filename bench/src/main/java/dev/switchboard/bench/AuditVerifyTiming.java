package dev.switchboard.bench;

import dev.switchboard.api.audit.AuditEvent;
import dev.switchboard.api.audit.AuditRecord;
import dev.switchboard.api.audit.AuditStore;
import dev.switchboard.api.audit.VerifyResult;
import dev.switchboard.core.audit.AuditVerification;
import dev.switchboard.store.JdbcStorage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Times {@code audit verify}: fills an H2 file database with audit events through the store (in batches, as the
 * group-committing log does), then verifies the chain page by page with {@link AuditVerification}, the streaming
 * verifier behind {@code switchboard audit verify}. A read-only pass over the same pages shows how the time splits
 * between reading and hashing.
 *
 * <p>{@code --mode generate --dir D} leaves a database in {@code D}; {@code --mode verify --dir D} verifies it in a
 * fresh JVM, as the command line would; the default {@code both} does both in a temporary folder and deletes it.
 */
public final class AuditVerifyTiming {
    private static final Map<String, String> DEFAULTS = Map.of("events", "1000000", "batch", "10000", "runs", "3",
            "mode", "both", "dir", "");

    /** How long one pass took and what it found. */
    public record Pass(long records, double seconds, VerifyResult result) {
        double perSecond() {
            return records / seconds;
        }
    }

    private AuditVerifyTiming() {}

    public static void main(String[] args) throws Exception {
        DriverOptions options = DriverOptions.parse(args, DEFAULTS);
        String mode = options.text("mode");
        boolean temporary = options.text("dir").isEmpty();
        if (temporary && !mode.equals("both")) {
            throw new IllegalArgumentException("--mode " + mode + " needs --dir, the folder of the database");
        }
        Path dir = temporary ? BenchDatabase.temporaryFolder() : Path.of(options.text("dir"));
        BenchDatabase database = BenchDatabase.h2(dir);
        try {
            if (!mode.equals("verify")) {
                Files.createDirectories(dir);
                try (JdbcStorage storage = JdbcStorage.open(database.settings())) {
                    Pass generated = generate(storage.audit(), options.number("events"), options.number("batch"));
                    System.out.printf(Locale.ROOT, "generated %d events in %.1f s (%.0f events/s appended)%n",
                            generated.records(), generated.seconds(), generated.perSecond());
                }
            }
            if (!mode.equals("generate")) {
                // A fresh pool, so nothing is left cached from generating.
                try (JdbcStorage storage = JdbcStorage.open(database.settings())) {
                    for (int run = 1; run <= options.number("runs"); run++) {
                        // Verify first: in a fresh JVM its first run is what `audit verify` costs.
                        Pass verified = verify(storage.audit());
                        Pass read = readOnly(storage.audit());
                        System.out.printf(Locale.ROOT, "run %d: verify %d events in %.2f s = %.0f events/s (%s);"
                                + " reading the pages alone %.2f s%n", run, verified.records(), verified.seconds(),
                                verified.perSecond(), verified.result(), read.seconds());
                    }
                }
            }
        } finally {
            if (temporary) {
                database.close();
            }
        }
    }

    /** Appends {@code events} events in batches of {@code batch}, each batch one transaction. */
    public static Pass generate(AuditStore store, int events, int batch) {
        long start = System.nanoTime();
        long next = store.head().map(AuditRecord::seq).orElse(0L) + 1;
        for (int done = 0; done < events; ) {
            int size = Math.min(batch, events - done);
            List<AuditEvent> page = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                page.add(AuditEvents.nth(next++));
            }
            store.append(page);
            done += size;
        }
        return new Pass(events, (System.nanoTime() - start) / 1e9, null);
    }

    /** Verifies the whole chain as {@code audit verify} does. */
    public static Pass verify(AuditStore store) {
        long start = System.nanoTime();
        VerifyResult result = AuditVerification.verify(store);
        long records = result instanceof VerifyResult.Intact intact ? intact.records() : -1;
        return new Pass(records, (System.nanoTime() - start) / 1e9, result);
    }

    /** Reads every page as {@link #verify} does, without hashing. */
    public static Pass readOnly(AuditStore store) {
        long start = System.nanoTime();
        long records = 0;
        long from = 1;
        for (int pages = 0; pages < 10_000_000; pages++) {
            List<AuditRecord> page = store.read(from, AuditVerification.PAGE);
            records += page.size();
            if (page.size() < AuditVerification.PAGE) {
                break;
            }
            from = page.getLast().seq() + 1;
        }
        return new Pass(records, (System.nanoTime() - start) / 1e9, null);
    }
}
