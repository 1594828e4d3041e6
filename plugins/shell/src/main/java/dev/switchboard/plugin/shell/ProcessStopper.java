package dev.switchboard.plugin.shell;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stops a process and everything it started: SIGTERM to the process and its descendants at once, then SIGKILL to
 * whatever is still alive after the grace period. Descendants are captured before the parent is signalled, because
 * once it dies they are re-parented and no longer reachable through it. {@link #stop} is idempotent, returns at
 * once (the grace period runs on a virtual thread), and may be called from any thread.
 */
final class ProcessStopper {
    private static final Logger log = LoggerFactory.getLogger(ProcessStopper.class);

    private static final Duration POLL = Duration.ofMillis(50);

    private final Process process;
    private final Duration grace;
    private final AtomicBoolean stopping = new AtomicBoolean();

    ProcessStopper(Process process, Duration grace) {
        this.process = process;
        this.grace = grace;
    }

    void stop() {
        if (!stopping.compareAndSet(false, true)) {
            return;
        }
        List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
        tree.add(process.toHandle());
        tree.forEach(ProcessHandle::destroy);
        Thread.ofVirtual().name("shell-stop-" + process.pid()).start(() -> killAfterGrace(tree));
    }

    boolean stopping() {
        return stopping.get();
    }

    /**
     * Whether a process is still running. A zombie (exited, waiting for its new parent to collect it) is not: where
     * the parent is a container's PID 1 that reaps slowly, {@link ProcessHandle#isAlive} stays true for seconds.
     */
    static boolean running(ProcessHandle handle) {
        if (!handle.isAlive()) {
            return false;
        }
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(handle.pid()), "stat"));
            int end = stat.lastIndexOf(')');
            return end < 0 || end + 2 >= stat.length() || stat.charAt(end + 2) != 'Z';
        } catch (IOException | RuntimeException e) {
            return handle.isAlive(); // no procfs (not Linux) or the process just went away
        }
    }

    private void killAfterGrace(List<ProcessHandle> tree) {
        try {
            // Every process that got SIGTERM shares one grace period to clean up and exit.
            long deadline = System.nanoTime() + grace.toNanos();
            while (System.nanoTime() < deadline && tree.stream().anyMatch(ProcessStopper::running)) {
                Thread.sleep(POLL);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        // The program itself goes first: killing its children first would let a script that waits for them exit
        // normally (status 0) and look as if it had finished on its own.
        List<ProcessHandle> all = new ArrayList<>();
        all.add(process.toHandle());
        all.addAll(tree);
        if (process.isAlive()) {
            all.addAll(process.descendants().toList());
        }
        int killed = 0;
        for (ProcessHandle handle : all) {
            if (running(handle) && handle.destroyForcibly()) {
                killed++;
            }
        }
        if (killed > 0) {
            log.info("killed {} process(es) of pid {} that ignored SIGTERM for {}", killed, process.pid(), grace);
        }
    }
}
