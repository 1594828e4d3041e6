package dev.switchboard.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.api.audit.AuditRecord;
import dev.switchboard.api.audit.VerifyResult;
import dev.switchboard.api.command.CommandSpec;
import dev.switchboard.api.command.ParseResult;
import dev.switchboard.api.pipeline.Outcome;
import dev.switchboard.core.command.CommandCatalog;
import dev.switchboard.store.JdbcStorage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Runs each benchmark and driver once, tiny, so a broken wiring or a benchmark measuring an error path fails the
 * build instead of producing a misleading figure. Nothing here measures performance.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BenchSmokeTest {
    private Path folder;
    private BenchDatabase database;
    private BenchEngine engine;

    @BeforeAll
    void start(@TempDir Path temporary) {
        folder = temporary;
        database = BenchDatabase.h2(folder.resolve("engine"));
        engine = BenchEngine.start(database.settings());
    }

    @AfterAll
    void stop() {
        engine.close();
        database.close();
    }

    @Test
    void pingIsAnsweredPongAndAuditedAsReceivedAndFinished() {
        long before = engine.storage().audit().head().map(AuditRecord::seq).orElse(0L);

        Outcome outcome = engine.handlePing();

        assertThat(outcome).isInstanceOfSatisfying(Outcome.Replied.class,
                r -> assertThat(r.reply().plainText()).isEqualTo("pong"));
        assertThat(engine.storage().audit().read(before + 1, 10))
                .extracting(r -> r.event().type().wireName())
                .containsExactly("received", "finished");
    }

    @Test
    void steadyDriverAnswersEveryCommandNearTheTargetRate() throws InterruptedException {
        RateDriver.Steady result = RateDriver.steady(engine, 200, 1, 4);

        assertThat(result.failed()).isZero();
        assertThat(result.latency().count()).isEqualTo(200);
        assertThat(result.latency().p50()).isPositive().isLessThanOrEqualTo(result.latency().max());
        assertThat(result.achievedRate()).isBetween(50.0, 250.0);
    }

    @Test
    void burstThroughTheDispatcherIsAnsweredCompletely() throws InterruptedException {
        RateDriver.Burst burst = RateDriver.burst(engine, 300, Duration.ofSeconds(15));

        assertThat(burst.complete()).isTrue();
        assertThat(burst.answered()).isEqualTo(300);
        assertThat(burst.refused()).isZero();
    }

    @Test
    void verifyTimingChecksEveryGeneratedEvent() {
        BenchDatabase log = BenchDatabase.h2(folder.resolve("audit"));
        try (JdbcStorage storage = JdbcStorage.open(log.settings())) {
            AuditVerifyTiming.generate(storage.audit(), 2_500, 1_000);

            AuditVerifyTiming.Pass pass = AuditVerifyTiming.verify(storage.audit());

            assertThat(pass.result()).isInstanceOfSatisfying(VerifyResult.Intact.class,
                    intact -> assertThat(intact.records()).isEqualTo(2_500));
            assertThat(AuditVerifyTiming.readOnly(storage.audit()).records()).isEqualTo(2_500);
        } finally {
            log.close();
        }
    }

    @Test
    void everyDemoExampleParsesToItsCommandAndGibberishMatchesNothing() {
        CommandCatalog catalog = ParserBenchmark.demoCatalog();
        for (CommandSpec command : DemoCommands.specs()) {
            for (String example : command.examples()) {
                assertThat(catalog.parse(example)).as(example).isInstanceOfSatisfying(ParseResult.Matched.class,
                        m -> assertThat(m.invocation().commandId()).isEqualTo(command.id()));
            }
        }
        assertThat(catalog.parse("what is the weather like today")).isInstanceOf(ParseResult.NoMatch.class);
    }

    @Test
    void parserBenchmarkRunsUnderJmh() throws RunnerException {
        Collection<RunResult> results = new Runner(new OptionsBuilder()
                .include(ParserBenchmark.class.getName() + ".parse")
                .param("line", "deploy billing 1.4.2 to prod")
                .forks(0).warmupIterations(0).measurementIterations(1)
                .measurementTime(TimeValue.milliseconds(200)).verbosity(VerboseMode.SILENT).build()).run();

        assertThat(results).singleElement()
                .satisfies(r -> assertThat(r.getPrimaryResult().getScore()).isPositive());
    }
}
