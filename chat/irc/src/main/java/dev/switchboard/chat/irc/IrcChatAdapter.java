package dev.switchboard.chat.irc;

import dev.switchboard.api.AdapterException;
import dev.switchboard.api.chat.AdapterHealth;
import dev.switchboard.api.chat.Capabilities;
import dev.switchboard.api.chat.ChatAdapter;
import dev.switchboard.api.chat.ConversationRef;
import dev.switchboard.api.chat.InboundMessage;
import dev.switchboard.api.chat.MessageRef;
import dev.switchboard.api.chat.MessageSink;
import dev.switchboard.api.reply.Reply;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * IRC as a {@link ChatAdapter} (platform {@code irc}), over one connection made with the Kitteh IRC client.
 *
 * <p>Inbound: channel lines starting with the command prefix or {@code <nick>:} (stripped once) and every private
 * line become {@link InboundMessage}s, in conversations {@code #ops} or {@code dm:<nick>}. The user id is the
 * IRCv3 account name when the server reports one ({@code account-tag}, {@code account-notify}; then
 * {@code verified}), otherwise the nick, unverified. The event id is the server's {@code msgid} if it sends one,
 * else unique per run and connection. The bot's own lines are never delivered.
 *
 * <p>Outbound: replies are rendered by {@link IrcText} and go through an {@link OutboundQueue}: rate-limited,
 * in order, held while disconnected. {@link #send} blocks until every line of the reply is written to the
 * connection, and throws {@link AdapterException} if that did not happen within {@link IrcSettings#sendTimeout()}
 * (lines not yet written are then dropped, so the caller may retry the whole reply). Written lines stay in the
 * queue until the server confirms them ({@code PING}/{@code PONG}); if the connection drops first they are written
 * again after the reconnect (at least once). {@link #stop} waits briefly for that confirmation. IRC has no edits,
 * threads or buttons; {@link #edit} posts the new content.
 *
 * <p>Thread-safe. Reconnects with capped, jittered backoff and re-joins its channels; after five failed attempts
 * in a row {@link #health()} says {@code FAILED} (it keeps trying at the capped delay).
 */
public final class IrcChatAdapter implements ChatAdapter {
    /** The platform name in addresses such as {@code irc:#ops} and accounts such as {@code irc:alice}. */
    public static final String PLATFORM = "irc";
    private static final int ATTEMPTS_BEFORE_FAILED = 5;
    /**
     * How long the outbound queue stays idle before it confirms its last lines with a {@code PING}. Long enough that
     * a quiet conversation does not pay a {@code PING} (and a rate-limit token) per reply, short enough that few
     * lines are written twice after a reconnect.
     */
    private static final Duration CONFIRM_AFTER_IDLE = Duration.ofSeconds(1);
    /** How long {@link #stop} waits for queued lines to be written and confirmed. */
    private static final Duration DRAIN_AT_STOP = Duration.ofSeconds(2);
    private static final Logger log = LoggerFactory.getLogger(IrcChatAdapter.class);

    private final IrcSettings settings;
    private final Clock clock;
    private final AtomicLong sentIds = new AtomicLong();
    private final String idPrefix = "irc-out-" + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x10000, 0x100000));
    private volatile AdapterHealth health;
    private volatile Run run;

    /** What one start..stop holds. */
    private record Run(KittehSession session, OutboundQueue queue, Thread sender, Events events) {}

    public IrcChatAdapter(IrcSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        this.health = new AdapterHealth(AdapterHealth.State.STOPPED, null, clock.instant());
    }

    public IrcChatAdapter(IrcSettings settings) {
        this(settings, Clock.systemUTC());
    }

    @Override
    public String platform() {
        return PLATFORM;
    }

    @Override
    public Capabilities capabilities() {
        Run current = run;
        return Capabilities.plainText(settings.maxLineBytes(), current != null && current.session().accountsKnown());
    }

    @Override
    public synchronized void start(MessageSink sink) {
        if (run != null) {
            return;
        }
        OutboundQueue queue = new OutboundQueue(
                new TokenBucket(settings.linesPerSecond(), settings.burst(), System::nanoTime), settings.maxQueuedLines(),
                System::nanoTime, CONFIRM_AFTER_IDLE.toNanos());
        Events events = new Events(sink);
        KittehSession session = new KittehSession(settings, queue, events, clock,
                new Backoff(settings.reconnectMin(), settings.reconnectMax(), ThreadLocalRandom.current()::nextDouble));
        Thread sender = Thread.ofVirtual().name("irc-sender-" + settings.nick()).start(queue);
        health = new AdapterHealth(AdapterHealth.State.CONNECTING, null, clock.instant());
        run = new Run(session, queue, sender, events);
        log.info("IRC adapter starting: {}", settings);
        session.connect();
    }

    @Override
    public synchronized void stop() {
        Run current = run;
        if (current == null) {
            return;
        }
        run = null;
        current.events().active = false;
        drain(current.queue());
        current.queue().close("the IRC adapter stopped before the reply was written");
        current.session().close();
        try {
            current.sender().join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        health = new AdapterHealth(AdapterHealth.State.STOPPED, null, clock.instant());
    }

    private void drain(OutboundQueue queue) {
        try {
            long wait = Math.min(DRAIN_AT_STOP.toNanos(), settings.sendTimeout().toNanos());
            int left = queue.drain(wait);
            if (left > 0) {
                log.warn("IRC adapter stopping with {} outbound lines not confirmed by the server; replies still being"
                        + " written fail (and are retried by the outbox), lines already written may not have arrived",
                        left);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public AdapterHealth health() {
        return health;
    }

    @Override
    public MessageRef send(ConversationRef to, Reply reply) {
        if (!PLATFORM.equals(to.platform())) {
            throw new AdapterException("the IRC adapter cannot post to " + to + ": it is not an IRC conversation");
        }
        String target = IrcTargets.target(to);
        Run current = run;
        if (current == null) {
            throw new AdapterException("the IRC adapter is stopped; cannot post to " + to);
        }
        List<String> raws = new ArrayList<>();
        if (IrcTargets.isChannel(target) && !current.session().joined(target)) {
            // Most channels refuse lines from outsiders (mode +n): join first, in the same ordered queue.
            raws.add("JOIN " + target);
        }
        for (String line : IrcText.lines(reply, settings.maxLineBytes())) {
            raws.add("PRIVMSG " + target + " :" + line);
        }
        OutboundQueue.Delivery delivery = current.queue().enqueue(raws);
        try {
            delivery.written.get(settings.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            current.queue().cancel(delivery);
            String why = "a reply to " + to + " was not delivered within " + settings.sendTimeout()
                    + (health.ready() ? "" : " (IRC is " + health.state().name().toLowerCase() + ")");
            health = new AdapterHealth(health.state(), why, health.since());
            throw new AdapterException(why);
        } catch (ExecutionException e) {
            throw new AdapterException(e.getCause().getMessage() + "; cannot post to " + to, e.getCause());
        } catch (InterruptedException e) {
            current.queue().cancel(delivery);
            Thread.currentThread().interrupt();
            throw new AdapterException("interrupted while posting to " + to, e);
        }
        return new MessageRef(to, idPrefix + "-" + sentIds.incrementAndGet());
    }

    /** IRC cannot edit: the new content is posted as new lines (core does not edit on platforms without edits). */
    @Override
    public MessageRef edit(MessageRef message, Reply reply) {
        return send(message.conversation(), reply);
    }

    /** Outbound lines waiting to be written or confirmed; for health pages and tests. */
    public int queuedLines() {
        Run current = run;
        return current == null ? 0 : current.queue().size();
    }

    private final class Events implements KittehSession.Listener {
        private final MessageSink sink;
        // Off once stopped, so a late event from the old connection cannot overwrite the health of a new run.
        private volatile boolean active = true;

        Events(MessageSink sink) {
            this.sink = sink;
        }

        @Override
        public void ready() {
            if (active) {
                health = AdapterHealth.connected(clock.instant());
            }
        }

        @Override
        public void down(String error, int failedAttempts) {
            AdapterHealth.State state = failedAttempts >= ATTEMPTS_BEFORE_FAILED
                    ? AdapterHealth.State.FAILED : AdapterHealth.State.RECONNECTING;
            if (active) {
                health = new AdapterHealth(state, error, clock.instant());
            }
        }

        @Override
        public void received(InboundMessage message) {
            if (!active) {
                return;
            }
            try {
                sink.accept(message);
            } catch (RuntimeException e) {
                log.error("the message sink failed for an IRC message in {} from {}", message.conversation(),
                        message.user(), e);
            }
        }
    }
}
