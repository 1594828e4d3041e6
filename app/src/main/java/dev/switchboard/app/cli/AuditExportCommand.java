package dev.switchboard.app.cli;

import dev.switchboard.api.StorageException;
import dev.switchboard.api.store.Storage;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code switchboard audit export -c FILE [--since 24h|2026-11-01T00:00:00Z] [--format jsonl]}: writes the audit
 * log to stdout as JSON Lines, one record per line in sequence order, each with everything needed to re-verify it
 * ({@link AuditJsonLines}). {@code --since} keeps events whose time is at or after it. Exporting checks nothing;
 * run {@code audit verify} for that.
 */
@Command(name = "export", description = "Write the audit log to stdout as JSON Lines, in sequence order.")
public final class AuditExportCommand implements Callable<Integer> {
    private static final String JSONL = "jsonl";

    @Option(names = {"-c", "--config"}, required = true, description = "The server's configuration file (YAML).")
    Path config;

    @Option(names = "--since", converter = Since.Converter.class, paramLabel = "WHEN",
            description = "Only events at or after WHEN: a span like 30m, 24h, 7d, or a UTC time like "
                    + "2026-11-01T00:00:00Z.")
    Since since;

    @Option(names = "--format", defaultValue = JSONL, paramLabel = "FORMAT",
            description = "Output format; only jsonl (the default) exists.")
    String format;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!JSONL.equals(format.toLowerCase(Locale.ROOT))) {
            err.println("audit export: unknown format '" + format + "'; available formats: " + JSONL);
            return CommandLine.ExitCode.USAGE;
        }
        Instant from = since == null ? Instant.MIN : since.from(Clock.systemUTC());
        return switch (AuditDatabase.open(config, "audit export")) {
            case AuditDatabase.Opening.Failed failed -> {
                failed.messages().forEach(err::println);
                yield failed.exitCode();
            }
            case AuditDatabase.Opening.Opened opened -> {
                try (Storage storage = opened.storage()) {
                    yield export(storage, from, out, err);
                }
            }
        };
    }

    private static int export(Storage storage, Instant from, PrintWriter out, PrintWriter err) {
        long[] written = {0};
        try {
            AuditPages.forEach(storage.audit(), record -> {
                boolean wrote = false;
                if (!record.event().time().isBefore(from)) {
                    // append, not println: an auto-flushing writer would flush on every line.
                    out.append(AuditJsonLines.line(record)).append('\n');
                    written[0]++;
                    wrote = true;
                }
                // checkError flushes, so ask once a page: a closed pipe (| head) stops the export soon enough.
                return !wrote || written[0] % AuditPages.PAGE_SIZE != 0 || !out.checkError();
            });
        } catch (StorageException e) {
            out.flush();
            err.println("audit export: could not read the audit log after " + written[0] + " exported records: "
                    + e.getMessage());
            return AuditDatabase.NO_DATABASE;
        }
        out.flush();
        err.println("audit export: " + written[0] + " records");
        return 0;
    }
}
