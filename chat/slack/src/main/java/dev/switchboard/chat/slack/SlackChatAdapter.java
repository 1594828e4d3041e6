package dev.switchboard.chat.slack;

import dev.switchboard.api.AdapterException;
import dev.switchboard.api.chat.AdapterHealth;
import dev.switchboard.api.chat.Capabilities;
import dev.switchboard.api.chat.ChatAdapter;
import dev.switchboard.api.chat.ConversationRef;
import dev.switchboard.api.chat.MessageRef;
import dev.switchboard.api.chat.MessageSink;
import dev.switchboard.api.chat.RoomCreator;
import dev.switchboard.api.reply.Reply;
import dev.switchboard.chat.slack.SlackWebApi.BotIdentity;
import dev.switchboard.chat.slack.SlackWebApi.Posted;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * Slack as a {@link ChatAdapter} (platform {@code slack}).
 *
 * <p>Inbound: in {@link SlackSettings.Mode#SOCKET} the adapter keeps a Socket Mode WebSocket open (acknowledging
 * every envelope at once); in {@link SlackSettings.Mode#HTTP} the server module mounts {@link #handleEvents} at
 * {@code /slack/events} and {@link #handleInteractions} at {@code /slack/interactions}. Both feed the same
 * {@link InboundEvents} rules: mentions, direct messages, prefixed channel messages and button clicks reach the
 * sink; users are {@code T01/U123} (verified), conversations the channel id with the thread's {@code thread_ts}.
 * A redelivered event keeps its {@code event_id}, so the core dispatcher drops the repeat.
 *
 * <p>Outbound: replies render as Block Kit ({@link BlockKit}); one longer than
 * {@link SlackSettings#maxTextLength()} is posted as a short message plus a text snippet file. Every call goes
 * through a per-channel {@link ChannelQueue}: ordered, about one message per second per channel, {@code Retry-After}
 * honoured, 5xx and network failures retried; {@link #send} throws {@link AdapterException} once it gives up, and
 * {@link #health()} shows why. A {@link dev.switchboard.api.reply.Block.File} is uploaded as a real file
 * ({@code files.getUploadURLExternal}, the upload, {@code files.completeUploadExternal}) after the message.
 *
 * <p>Incident rooms: {@link #rooms()} creates public channels ({@link SlackRooms}; scopes {@code channels:manage},
 * and {@code files:write} for files).
 *
 * <p>Thread-safe; {@link #start} and {@link #stop} are idempotent.
 */
public final class SlackChatAdapter implements ChatAdapter {
    /** The platform name in addresses such as {@code slack:C024BE91L} and accounts such as {@code slack:T01/U123}. */
    public static final String PLATFORM = "slack";
    private static final int FAILURES_BEFORE_FAILED = 5;
    private static final Logger log = LoggerFactory.getLogger(SlackChatAdapter.class);

    private final SlackSettings settings;
    private final Clock clock;
    private final Ticker outboundTicker;
    private final InboundEvents events;
    private final SlackHttpEndpoint http;
    private final SlackRooms rooms;
    private volatile AdapterHealth health;
    private volatile Run run;

    /** What one start..stop holds; {@code bot} is null until {@code auth.test} answered. */
    private static final class Run {
        final SlackWebApi api;
        final ChannelQueue queue;
        final MessageSink sink;
        final RecentMessages recent = new RecentMessages(4_096);
        final ReplySteps steps;
        volatile BotIdentity bot;
        volatile SocketModeConnection socket;
        volatile boolean active = true;
        Thread starter;

        Run(SlackWebApi api, ChannelQueue queue, MessageSink sink, int maxTextLength) {
            this.api = api;
            this.queue = queue;
            this.sink = sink;
            this.steps = new ReplySteps(api, maxTextLength);
        }
    }

    public SlackChatAdapter(SlackSettings settings) {
        this(settings, Clock.systemUTC());
    }

    public SlackChatAdapter(SlackSettings settings, Clock clock) {
        this(settings, clock, Ticker.SYSTEM);
    }

    SlackChatAdapter(SlackSettings settings, Clock clock, Ticker outboundTicker) {
        this.settings = settings;
        this.clock = clock;
        this.outboundTicker = outboundTicker;
        this.events = new InboundEvents(settings.commandPrefix(), clock);
        this.http = new SlackHttpEndpoint(settings.signingSecret() == null ? null
                : new RequestSignature(settings.signingSecret(), clock), this::handlePayload);
        this.health = new AdapterHealth(AdapterHealth.State.STOPPED, null, clock.instant());
        this.rooms = new SlackRooms(() -> {
            Run current = run;
            return current == null ? null : current.api;
        }, outboundTicker, new Backoff(Duration.ofMillis(250), Duration.ofSeconds(10),
                ThreadLocalRandom.current()::nextDouble), settings.sendAttempts(),
                () -> ThreadLocalRandom.current().nextInt(2, 10_000));
    }

    @Override
    public String platform() {
        return PLATFORM;
    }

    @Override
    public Capabilities capabilities() {
        return new Capabilities(true, true, true, true, settings.maxTextLength(), true);
    }

    @Override
    public synchronized void start(MessageSink sink) {
        if (run != null) {
            return;
        }
        SlackWebApi api = new SlackWebApi(settings);
        Backoff sendBackoff = new Backoff(Duration.ofMillis(250), Duration.ofSeconds(10),
                ThreadLocalRandom.current()::nextDouble);
        Run current = new Run(api, new ChannelQueue(settings, outboundTicker, sendBackoff, this::outboundFailed),
                sink, settings.maxTextLength());
        health = new AdapterHealth(AdapterHealth.State.CONNECTING, null, clock.instant());
        run = current;
        log.info("Slack adapter starting: {}", settings);
        current.starter = Thread.ofVirtual().name("slack-start").start(() -> connect(current));
    }

    @Override
    public synchronized void stop() {
        Run current = run;
        if (current == null) {
            return;
        }
        run = null;
        current.active = false;
        current.starter.interrupt();
        SocketModeConnection socket = current.socket;
        if (socket != null) {
            socket.close();
        }
        current.queue.close();
        current.api.close();
        health = new AdapterHealth(AdapterHealth.State.STOPPED, null, clock.instant());
    }

    @Override
    public AdapterHealth health() {
        return health;
    }

    /** Slack can always create channels; the creator answers Unavailable while the adapter is stopped. */
    @Override
    public Optional<RoomCreator> rooms() {
        return Optional.of(rooms);
    }

    @Override
    public MessageRef send(ConversationRef to, Reply reply) {
        Run current = running(to);
        Posted posted = current.queue.submit(to.id(), current.steps.send(to, reply)).getFirst();
        return new MessageRef(to, posted.ts());
    }

    @Override
    public MessageRef edit(MessageRef message, Reply reply) {
        Run current = running(message.conversation());
        List<Posted> posted = current.queue.submit(message.conversation().id(), current.steps.edit(message, reply));
        // A file cannot be edited: its new content was posted, and that is the message to edit next time.
        return ReplySteps.isFile(message) ? new MessageRef(message.conversation(), posted.getFirst().ts()) : message;
    }

    /**
     * The HTTP Events API entry ({@code POST /slack/events}): checks the signature on the raw body first (401 with
     * the reason when it is wrong or older than five minutes), answers {@code url_verification} with its challenge,
     * hands {@code event_callback}s to the same handler as Socket Mode and answers 200 at once. Any thread.
     *
     * @param headers the request headers (names in any case)
     * @param body the raw request body, exactly as received
     */
    public HttpAnswer handleEvents(Map<String, String> headers, byte[] body) {
        return http.events(headers, body, ready());
    }

    /**
     * The interactivity entry ({@code POST /slack/interactions}, a form with a {@code payload} field): signature
     * checked like {@link #handleEvents}; a click on one of our buttons reaches the sink as the clicking user
     * typing the button's command. Any thread.
     */
    public HttpAnswer handleInteractions(Map<String, String> headers, byte[] body) {
        return http.interactions(headers, body, ready());
    }

    /** Outbound messages waiting in the per-channel queues; for health pages and tests. */
    public int queuedMessages() {
        Run current = run;
        return current == null ? 0 : current.queue.waiting();
    }

    /** Deliveries accepted into the queues since start (tests use it to fix the order of concurrent sends). */
    long acceptedForSending() {
        Run current = run;
        return current == null ? 0 : current.queue.accepted();
    }

    private boolean ready() {
        Run current = run;
        return current != null && current.bot != null;
    }

    /** Gets the bot's identity, then (Socket Mode) keeps the WebSocket up; runs on the start thread. */
    private void connect(Run current) {
        Backoff backoff = new Backoff(settings.reconnectMin(), settings.reconnectMax(),
                ThreadLocalRandom.current()::nextDouble);
        int failures = 0;
        try {
            while (current.active && current.bot == null) {
                switch (current.api.authTest()) {
                    case ApiOutcome.Done<BotIdentity> d -> current.bot = d.value();
                    case ApiOutcome.RateLimited<BotIdentity> r -> Thread.sleep(r.retryAfter());
                    case ApiOutcome.Unavailable<BotIdentity> u -> down(current, u.reason(), ++failures);
                    case ApiOutcome.Refused<BotIdentity> r -> down(current, r.error()
                            + " (check the bot token)", ++failures);
                }
                if (current.bot == null) {
                    Thread.sleep(backoff.delay(Math.max(failures, 1)));
                }
            }
        } catch (InterruptedException e) {
            return;
        }
        log.info("Slack bot is {} in team {}", current.bot.userId(), current.bot.teamId());
        if (settings.mode() == SlackSettings.Mode.HTTP) {
            if (current.active) {
                health = AdapterHealth.connected(clock.instant());
            }
            return;
        }
        SocketModeConnection socket = new SocketModeConnection(current.api::openSocketUrl, backoff, Ticker.SYSTEM,
                settings.keepAlive(), new SocketEvents(current));
        synchronized (this) {
            if (!current.active) {
                return;
            }
            current.socket = socket;
        }
        socket.start();
    }

    private void down(Run current, String why, int failures) {
        if (current.active) {
            AdapterHealth.State state = failures >= FAILURES_BEFORE_FAILED
                    ? AdapterHealth.State.FAILED : AdapterHealth.State.RECONNECTING;
            health = new AdapterHealth(state, why, clock.instant());
        }
    }

    private void outboundFailed(String why) {
        AdapterHealth now = health;
        health = new AdapterHealth(now.state(), why, now.since());
    }

    /** One payload from either transport; socket envelopes carry it under {@code payload}. */
    private void handlePayload(String kind, JsonNode payload) {
        Run current = run;
        if (current == null || current.bot == null || !current.active) {
            return;
        }
        InboundEvents.Result result = switch (kind) {
            case "events_api" -> events.event(payload, current.bot);
            case "interactive" -> events.interaction(payload);
            default -> new InboundEvents.Result.Ignore("envelope type " + kind);
        };
        switch (result) {
            case InboundEvents.Result.Ignore i -> log.debug("ignoring a Slack {}: {}", kind, i.why());
            case InboundEvents.Result.Deliver d -> {
                if (!current.recent.firstFor(d.messageKey(), d.message().eventId())) {
                    log.debug("ignoring event {}: the same message came as another event", d.message().eventId());
                    return;
                }
                try {
                    current.sink.accept(d.message());
                } catch (RuntimeException e) {
                    log.error("the message sink failed for Slack event {} in {}", d.message().eventId(),
                            d.message().conversation(), e);
                }
            }
        }
    }

    private Run running(ConversationRef to) {
        if (!PLATFORM.equals(to.platform())) {
            throw new AdapterException("the Slack adapter cannot post to " + to + ": it is not a Slack conversation");
        }
        Run current = run;
        if (current == null) {
            throw new AdapterException("the Slack adapter is stopped; cannot post to " + to);
        }
        return current;
    }

    /** Socket Mode's reports, for one run. */
    private final class SocketEvents implements SocketModeConnection.Listener {
        private final Run current;

        SocketEvents(Run current) {
            this.current = current;
        }

        @Override
        public void connected() {
            if (current.active) {
                health = AdapterHealth.connected(clock.instant());
            }
        }

        @Override
        public void down(String why, int failures) {
            SlackChatAdapter.this.down(current, why, failures);
        }

        @Override
        public void envelope(JsonNode envelope) {
            String type = InboundEvents.text(envelope, "type");
            handlePayload(type == null ? "" : type, envelope.path("payload"));
        }
    }
}
