package dev.switchboard.bench;

import dev.switchboard.api.command.CommandSpec;
import dev.switchboard.api.command.ParseResult;
import dev.switchboard.core.builtin.Builtins;
import dev.switchboard.core.command.CommandCatalog;
import dev.switchboard.core.command.Compilation;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * {@link CommandCatalog#parse} over the demo commands plus the built-ins (15 commands), for lines that match, that
 * match a command's words but fail its types, and that match nothing (which computes "did you mean" suggestions).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class ParserBenchmark {
    @Param({"ping", "deploy billing 1.4.2 to prod", "scale web to 4", "echo hello ops and everyone else",
            "deploy web to moon", "deplyo web to prod", "what is the weather like today"})
    public String line;

    private CommandCatalog catalog;

    @Setup
    public void compile() {
        catalog = demoCatalog();
    }

    /** The demo commands and the built-ins, compiled; fails if they do not compile. */
    public static CommandCatalog demoCatalog() {
        List<CommandSpec> all = new ArrayList<>(DemoCommands.specs());
        all.addAll(Builtins.specs());
        return switch (CommandCatalog.compile(all)) {
            case Compilation.Compiled compiled -> compiled.catalog();
            case Compilation.Rejected rejected -> throw new IllegalStateException("demo commands do not compile: "
                    + rejected.problems());
        };
    }

    @Benchmark
    public ParseResult parse() {
        return catalog.parse(line);
    }
}
