package dev.switchboard.app.wiring;

import dev.switchboard.alerts.routing.AlertRouter;
import dev.switchboard.alerts.routing.PostAction;
import dev.switchboard.api.AdapterException;
import dev.switchboard.api.chat.MessageRef;
import dev.switchboard.core.chat.ChatGateway;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carries out what the {@link AlertRouter} decides, on one daemon thread: every {@link #PERIOD} it asks the router
 * what is due and says or edits each message through the chat gateway (the outbox, so a platform that is down gets
 * it later), reporting the message id back with {@link AlertRouter#posted}, or {@link AlertRouter#failed} when the
 * gateway refuses (the router then posts the group anew when its budget allows). After each round it saves the
 * groups that changed ({@link AlertRouter#saveChanges}), so they survive a restart. Closing stops the ticks and
 * saves once more.
 */
final class AlertPosts implements AutoCloseable {
    static final Duration PERIOD = Duration.ofMillis(250);
    private static final Logger log = LoggerFactory.getLogger(AlertPosts.class);

    private final AlertRouter router;
    private final ChatGateway gateway;
    private final ScheduledExecutorService timer;

    AlertPosts(AlertRouter router, ChatGateway gateway) {
        this.router = router;
        this.gateway = gateway;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "alert-posts");
            thread.setDaemon(true);
            return thread;
        });
    }

    static AlertPosts start(AlertRouter router, ChatGateway gateway) {
        AlertPosts posts = new AlertPosts(router, gateway);
        posts.timer.scheduleWithFixedDelay(posts::tick, PERIOD.toMillis(), PERIOD.toMillis(), TimeUnit.MILLISECONDS);
        return posts;
    }

    /** One round: everything due now, in the router's order. Never throws (that would stop the schedule). */
    void tick() {
        try {
            List<PostAction> due = router.tick();
            for (PostAction action : due) {
                carryOut(action);
            }
        } catch (RuntimeException e) {
            log.error("alert posting round failed; trying again in {} ms", PERIOD.toMillis(), e);
        }
        save();
    }

    private void save() {
        try {
            router.saveChanges();
        } catch (RuntimeException e) {
            log.warn("could not save the alert groups; trying again next round: {}", e.getMessage());
        }
    }

    private void carryOut(PostAction action) {
        try {
            switch (action) {
                case PostAction.Say say -> {
                    MessageRef posted = gateway.say(say.conversation(), say.reply());
                    router.posted(say.groupId(), posted.messageId());
                }
                case PostAction.Edit edit -> gateway.edit(edit.message(), edit.reply());
            }
        } catch (AdapterException e) {
            log.warn("could not post alert group {} to {}: {}", action.groupId(), action.conversation(),
                    e.getMessage());
            router.failed(action.groupId());
        }
    }

    @Override
    public void close() {
        timer.shutdown();
        try {
            if (!timer.awaitTermination(2, TimeUnit.SECONDS)) {
                timer.shutdownNow();
            }
        } catch (InterruptedException e) {
            timer.shutdownNow();
            Thread.currentThread().interrupt();
        }
        save();
    }
}
