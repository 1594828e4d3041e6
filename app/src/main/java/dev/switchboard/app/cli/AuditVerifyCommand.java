package dev.switchboard.app.cli;

import dev.switchboard.api.StorageException;
import dev.switchboard.api.audit.AuditChain;
import dev.switchboard.api.audit.VerifyResult;
import dev.switchboard.api.store.Storage;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code switchboard audit verify -c FILE}: recomputes the hash chain of the configured database from the first
 * record and names the first broken one (edited, deleted, inserted or reordered). Exit 0 when intact, 3 when
 * broken, 2 when the database cannot be read, 1 for an invalid configuration. Progress goes to stderr every
 * 100,000 records.
 */
@Command(name = "verify", description = "Recompute the audit hash chain and name the first broken record.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:intact", "1:invalid configuration", "2:database cannot be read", "3:chain broken"})
public final class AuditVerifyCommand implements Callable<Integer> {
    /** Exit code of a broken chain. */
    static final int BROKEN = 3;
    private static final long PROGRESS_EVERY = 100_000;

    @Option(names = {"-c", "--config"}, required = true, description = "The server's configuration file (YAML).")
    Path config;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        return switch (AuditDatabase.open(config, "audit verify")) {
            case AuditDatabase.Opening.Failed failed -> {
                failed.messages().forEach(err::println);
                yield failed.exitCode();
            }
            case AuditDatabase.Opening.Opened opened -> {
                try (Storage storage = opened.storage()) {
                    yield verify(storage, out, err);
                }
            }
        };
    }

    private static int verify(Storage storage, PrintWriter out, PrintWriter err) {
        long started = System.nanoTime();
        AuditChain.Verifier verifier = AuditChain.verifier();
        try {
            AuditPages.forEach(storage.audit(), record -> {
                boolean ok = verifier.accept(record);
                if (ok && record.seq() % PROGRESS_EVERY == 0) {
                    err.println("audit verify: " + record.seq() + " records verified...");
                    err.flush();
                }
                return ok;
            });
        } catch (StorageException e) {
            VerifyResult sofar = verifier.result();
            long verified = sofar instanceof VerifyResult.Intact intact ? intact.records() : 0;
            err.println("audit verify: could not read the audit log after " + verified + " verified records: "
                    + e.getMessage());
            return AuditDatabase.NO_DATABASE;
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        return switch (verifier.result()) {
            case VerifyResult.Intact intact -> {
                out.println("audit log intact: " + intact.records() + " records, head " + intact.headHash());
                err.println("audit verify: checked in " + millis + " ms");
                yield 0;
            }
            case VerifyResult.Broken broken -> {
                out.println("audit log BROKEN at record " + broken.seq() + ": " + broken.reason());
                out.println((broken.seq() - 1) + " records before it verified; nothing after it can be trusted.");
                yield BROKEN;
            }
        };
    }
}
