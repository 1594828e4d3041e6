package dev.switchboard.plugin.shell;

import dev.switchboard.testkit.RecordingJobContext;
import static dev.switchboard.plugin.shell.Requests.command;
import static dev.switchboard.plugin.shell.Requests.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.switchboard.api.action.Action;
import dev.switchboard.api.action.ActionFactory.Configured;
import dev.switchboard.api.action.ActionResult;
import dev.switchboard.api.command.CommandSpec;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ShellActionStopTest {
    private final RecordingJobContext context = new RecordingJobContext();
    private final AtomicReference<Thread> jobThread = new AtomicReference<>();
    private long childPid = -1;

    @AfterEach
    void killLeftovers() {
        if (childPid > 0) {
            ProcessHandle.of(childPid).ifPresent(ProcessHandle::destroyForcibly);
        }
    }

    private CompletableFuture<Object> start(String script, Duration grace) {
        CommandSpec command = command("hang", Map.of("argv", List.of(Scripts.path(script))));
        Action action = ((Configured.Ready) new ShellActionFactory(Path.of(""), grace)
                .configure(command.action(), command)).action();
        CompletableFuture<Object> done = new CompletableFuture<>();
        Thread.ofVirtual().start(() -> {
            jobThread.set(Thread.currentThread());
            try {
                done.complete(action.run(request(command, Map.of()), context));
            } catch (InterruptedException e) {
                done.complete(e);
            }
        });
        await().atMost(Duration.ofSeconds(10)).until(() -> context.lines().stream().anyMatch(l -> l.startsWith("child ")));
        childPid = Long.parseLong(context.lines().getFirst().substring("child ".length()));
        assertThat(ProcessHandle.of(childPid)).isPresent();
        return done;
    }

    private static boolean gone(long pid) {
        Optional<ProcessHandle> handle = ProcessHandle.of(pid);
        return handle.isEmpty() || !ProcessStopper.running(handle.get());
    }

    @Test
    void cancelStopsAHangingScriptAndTheChildrenItStarted() {
        CompletableFuture<Object> done = start("hang.sh", Duration.ofSeconds(2));
        long started = System.nanoTime();

        context.cancel();

        await().atMost(Duration.ofSeconds(5)).until(done::isDone);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
        assertThat(done.join()).isInstanceOfSatisfying(ActionResult.Failed.class,
                f -> assertThat(f.reason()).endsWith("hang.sh was stopped before it finished"));
        await().atMost(Duration.ofSeconds(3)).until(() -> gone(childPid));
    }

    @Test
    void anInterruptedJobThreadStopsTheTreeBeforeTheActionGivesUp() {
        CompletableFuture<Object> done = start("hang.sh", Duration.ofSeconds(2));

        jobThread.get().interrupt();

        await().atMost(Duration.ofSeconds(5)).until(done::isDone);
        assertThat(done.join()).isInstanceOf(InterruptedException.class);
        await().atMost(Duration.ofSeconds(3)).until(() -> gone(childPid));
    }

    @Test
    void aScriptThatIgnoresSigtermIsKilledAfterTheGracePeriod() {
        CompletableFuture<Object> done = start("stubborn.sh", Duration.ofMillis(300));

        context.cancel();

        await().atMost(Duration.ofSeconds(5)).until(done::isDone);
        assertThat(done.join()).isInstanceOfSatisfying(ActionResult.Failed.class,
                f -> assertThat(f.exitCode()).isEqualTo(137));
        await().atMost(Duration.ofSeconds(3)).until(() -> gone(childPid));
    }

    @Test
    void aJobCancelledBeforeItStartsRunsNothing() throws InterruptedException {
        CommandSpec command = command("run", Map.of("argv", List.of(Scripts.path("print-args.sh"))));
        Action action = ((Configured.Ready) new ShellActionFactory().configure(command.action(), command)).action();
        context.cancel();

        ActionResult result = action.run(request(command, Map.of()), context);

        assertThat(result).isInstanceOf(ActionResult.Failed.class);
        assertThat(context.lines()).isEmpty();
    }
}
