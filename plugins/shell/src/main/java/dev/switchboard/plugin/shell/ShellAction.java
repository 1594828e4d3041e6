package dev.switchboard.plugin.shell;

import dev.switchboard.api.action.Action;
import dev.switchboard.api.action.ActionRequest;
import dev.switchboard.api.action.ActionResult;
import dev.switchboard.api.action.JobContext;
import dev.switchboard.api.command.ArgTemplate;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one configured program per job with argv entries filled from the invocation's arguments, never through a
 * shell. stdout and stderr are each read on their own virtual thread into {@link JobContext#output} (order kept
 * within each stream), stdin is closed. Cancel or timeout stops the whole process tree. {@link #run} returns only
 * once the process has exited and its output readers are done, each wait bounded.
 *
 * <p>Results: {@link ActionResult.Succeeded} with no reply and the exit code for a success code;
 * {@link ActionResult.Failed} "exited with code N" otherwise; "cannot run PROGRAM: no such file" when the program is
 * missing or not executable. Thread-safe: one instance runs many jobs at once.
 */
public final class ShellAction implements Action {
    private static final Logger log = LoggerFactory.getLogger(ShellAction.class);
    private static final List<String> PASSED_ENV = List.of("PATH", "HOME", "LANG", "TZ");
    private static final Pattern ERRNO = Pattern.compile("error[=:] ?(\\d+)");
    private static final Duration READER_DRAIN = Duration.ofSeconds(5);

    private final ShellSettings settings;
    private final Duration grace;

    ShellAction(ShellSettings settings, Duration grace) {
        this.settings = settings;
        this.grace = grace;
    }

    @Override
    public ActionResult run(ActionRequest request, JobContext context) throws InterruptedException {
        if (context.cancelled()) {
            return ActionResult.failed("stopped before " + settings.program() + " started");
        }
        Map<String, String> args = request.invocation().args();
        List<String> argv = new ArrayList<>();
        argv.add(settings.executable());
        settings.args().forEach(t -> argv.add(t.expand(args)));
        ProcessBuilder builder = new ProcessBuilder(argv).directory(settings.workdir().toFile());
        environment(builder.environment(), args);

        Process process;
        try {
            process = builder.start();
        } catch (IOException | IllegalArgumentException e) {
            log.debug("job {}: cannot start {}", request.jobId(), settings.program(), e);
            return ActionResult.failed("cannot run " + settings.program() + ": " + whyNotStarted(e));
        }
        closeQuietly(process);
        log.debug("job {}: started {} as pid {}", request.jobId(), settings.program(), process.pid());

        OutputSink sink = new OutputSink(context, settings.outputLimit());
        Thread stdout = Thread.ofVirtual().name("shell-stdout-" + request.jobId())
                .start(new LinePump(process.getInputStream(), sink));
        Thread stderr = Thread.ofVirtual().name("shell-stderr-" + request.jobId())
                .start(new LinePump(process.getErrorStream(), sink));
        ProcessStopper stopper = new ProcessStopper(process, grace);
        context.onCancel(stopper::stop);

        int exit;
        try {
            exit = process.waitFor();
        } catch (InterruptedException e) {
            stopper.stop();
            awaitExit(process, grace.plus(Duration.ofSeconds(2)));
            awaitReaders(sink, stdout, stderr);
            throw e;
        }
        awaitReaders(sink, stdout, stderr);
        if (stopper.stopping() || context.cancelled()) {
            return new ActionResult.Failed(settings.program() + " was stopped before it finished", exit);
        }
        if (settings.successCodes().contains(exit)) {
            return new ActionResult.Succeeded(null, exit);
        }
        return new ActionResult.Failed("exited with code " + exit + signalNote(exit), exit);
    }

    private void environment(Map<String, String> env, Map<String, String> args) {
        if (!settings.inheritEnv()) {
            Map<String, String> parent = Map.copyOf(env);
            env.clear();
            for (String name : PASSED_ENV) {
                if (parent.containsKey(name)) {
                    env.put(name, parent.get(name));
                }
            }
        }
        for (Map.Entry<String, ArgTemplate> e : settings.env().entrySet()) {
            env.put(e.getKey(), e.getValue().expand(args));
        }
    }

    private String whyNotStarted(Exception e) {
        if (settings.program().contains("/")) {
            Path path = Path.of(settings.executable());
            if (!Files.exists(path)) {
                return "no such file";
            }
            if (Files.isDirectory(path)) {
                return "it is a directory";
            }
            if (!Files.isExecutable(path)) {
                return "not executable";
            }
        }
        // The JDK reports the errno as "error=2," or "error: 2 (...)" depending on the version and launch mechanism.
        Matcher errno = ERRNO.matcher(String.valueOf(e.getMessage()));
        String code = errno.find() ? errno.group(1) : "";
        if (code.equals("2")) {
            return settings.program().contains("/") ? "no such file" : "not found on PATH";
        }
        if (code.equals("13")) {
            return "permission denied";
        }
        String message = String.valueOf(e.getMessage());
        if (e instanceof IllegalArgumentException || message.contains("null character")) {
            return "an argument contains a character that cannot be passed to a program";
        }
        return "the system refused to start it";
    }

    private static String signalNote(int exit) {
        return exit > 128 && exit <= 128 + 64 ? " (killed by signal " + (exit - 128) + ")" : "";
    }

    private static void closeQuietly(Process process) {
        try {
            process.getOutputStream().close();
        } catch (IOException e) {
            // The child already went away; its exit status tells the story.
        }
    }

    /** Waits up to {@code limit} for the process to exit, even if interrupted again meanwhile. */
    private static void awaitExit(Process process, Duration limit) {
        try {
            process.onExit().get(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            log.warn("pid {} still running {} after it was told to stop", process.pid(), limit);
        }
    }

    private static void awaitReaders(OutputSink sink, Thread... readers) {
        long deadline = System.nanoTime() + READER_DRAIN.toNanos();
        try {
            for (Thread reader : readers) {
                long left = deadline - System.nanoTime();
                if (left <= 0 || !reader.join(Duration.ofNanos(left))) {
                    // A background grandchild still holds the pipe open; stop listening to it.
                    log.warn("output of a finished process is still open (a background child?); ignoring the rest");
                    break;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            sink.close();
        }
    }
}
