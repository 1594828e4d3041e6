package dev.switchboard.core.job;

import dev.switchboard.api.action.Action;
import dev.switchboard.api.action.ActionResult;
import dev.switchboard.api.reply.Reply;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

/** Actions whose behaviour tests control. */
final class TestActions {
    private TestActions() {}

    /** Runs until {@link #open()} is called (or it is interrupted); notes "action:<name>" in the timeline. */
    static final class Gate implements Action {
        final CountDownLatch started = new CountDownLatch(1);
        private final CountDownLatch open = new CountDownLatch(1);
        final AtomicBoolean sawCancel = new AtomicBoolean();
        private final List<String> timeline;
        private final String name;

        Gate(List<String> timeline, String name) {
            this.timeline = timeline;
            this.name = name;
        }

        void open() {
            open.countDown();
        }

        @Override
        public ActionResult run(dev.switchboard.api.action.ActionRequest request,
                                dev.switchboard.api.action.JobContext context) throws InterruptedException {
            timeline.add("action:" + name);
            context.onCancel(() -> sawCancel.set(true));
            started.countDown();
            if (!open.await(30, TimeUnit.SECONDS)) {
                return ActionResult.failed("gate never opened");
            }
            return ActionResult.ok(Reply.text(name + " done"));
        }
    }

    /** Notes that it ran and answers at once. */
    static Action quick(List<String> timeline, String answer) {
        return (request, context) -> {
            timeline.add("action:quick");
            return ActionResult.ok(answer == null ? null : Reply.text(answer));
        };
    }

    /** Emits "line N" every {@code pause} until cancelled (at most 10,000 lines), then fails as exited 143. */
    static Action loopingOutput(Duration pause) {
        return (request, context) -> {
            try {
                for (int i = 1; i <= 10_000 && !context.cancelled(); i++) {
                    context.output("line " + i);
                    Thread.sleep(pause);
                }
            } catch (InterruptedException e) {
                // like a process killed by SIGTERM
            }
            return new ActionResult.Failed("stopped", 143);
        };
    }

    /** Emits {@code lines} lines as fast as it can, then succeeds without a reply. */
    static Action flood(int lines) {
        return (request, context) -> {
            for (int i = 1; i <= lines; i++) {
                context.output("line " + i);
            }
            return new ActionResult.Succeeded(null, 0);
        };
    }

    /** Ignores cancellation and interrupts for {@code busy}, then returns; records whether it was cancelled. */
    static Action stubborn(Duration busy, AtomicBoolean sawCancel) {
        return (request, context) -> {
            long end = System.nanoTime() + busy.toNanos();
            while (System.nanoTime() < end) {
                LockSupport.parkNanos(1_000_000);
            }
            sawCancel.set(context.cancelled());
            return ActionResult.ok(null);
        };
    }
}
