package dev.switchboard.chat.mattermost;

import dev.switchboard.api.AdapterException;
import dev.switchboard.api.chat.AdapterHealth;
import dev.switchboard.api.chat.Capabilities;
import dev.switchboard.api.chat.ChatAdapter;
import dev.switchboard.api.chat.ConversationRef;
import dev.switchboard.api.chat.InboundMessage;
import dev.switchboard.api.chat.MessageRef;
import dev.switchboard.api.chat.MessageSink;
import dev.switchboard.api.chat.RoomCreator;
import dev.switchboard.api.reply.Block;
import dev.switchboard.api.reply.Reply;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Mattermost as a {@link ChatAdapter} (platform {@code mattermost}): events from the WebSocket, posts through the
 * REST API v4 as the bot account.
 *
 * <p>Inbound: see {@link InboundPosts} (DMs always; channel posts that mention the bot or start with the prefix;
 * user = Mattermost user id, verified; conversation = channel id plus thread; event id = post id). Button clicks
 * reach Switchboard's HTTP endpoint, which hands the body to {@link #handleAction} and answers with what it returns.
 *
 * <p>Outbound: replies are rendered as Markdown (buttons as interactive attachments), split at
 * {@link MattermostSettings#maxPostLength()}, and posted through a per-channel {@link ChannelOutbox} that keeps
 * order, honours 429 and retries 5xx/network errors. {@link #send} blocks until every part was accepted and throws
 * {@link AdapterException} if that did not happen (the reason is also kept in {@link #health()}). Edits patch the
 * first post; parts that no longer fit are posted after it. A {@link Block.File} is uploaded ({@code POST /files})
 * and attached to the reply's last post ({@code file_ids}); an edit that brings files posts them anew.
 *
 * <p>Incident rooms ({@link #rooms()}): public channels in {@link MattermostSettings#team()}, see
 * {@link MattermostRooms}; no team configured, no rooms.
 *
 * <p>Thread-safe. Health: {@code CONNECTING} → {@code CONNECTED} (WebSocket authenticated) → {@code RECONNECTING}
 * with the last error → {@code FAILED} after 5 failed attempts in a row (it keeps trying at the capped delay).
 */
public final class MattermostChatAdapter implements ChatAdapter {
    /** The platform name in addresses such as {@code mattermost:<channel id>}. */
    public static final String PLATFORM = "mattermost";
    private static final int ATTEMPTS_BEFORE_FAILED = 5;
    private static final int MAX_KNOWN_DIRECT_CHANNELS = 10_000;
    private static final Duration SEND_GRACE = Duration.ofSeconds(20);
    private static final Logger log = LoggerFactory.getLogger(MattermostChatAdapter.class);

    private final MattermostSettings settings;
    private final Clock clock;
    private final ObjectMapper json = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final MattermostRest rest;
    private final MattermostMarkdown markdown;
    private final InboundPosts inbound;
    private final ButtonCallbacks callbacks;
    private final MattermostRooms rooms;
    private final PostCalls posts;
    private final Map<String, Boolean> directChannels = new ConcurrentHashMap<>();
    private volatile AdapterHealth health;
    private volatile BotAccount bot;
    private volatile Run run;

    /** What one start..stop holds. */
    private record Run(MattermostSocket socket, ChannelOutbox outbox, Events events) {}

    public MattermostChatAdapter(MattermostSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        this.rest = new MattermostRest(http, json, settings.serverUrl(), settings.botToken());
        this.markdown = new MattermostMarkdown(json, settings.callbackUrl(), settings.callbackSecret());
        this.posts = new PostCalls(rest, clock, () -> bot, settings.maxPostLength());
        this.inbound = new InboundPosts(json, settings.commandPrefix(), settings.replyInThreads(), clock);
        this.callbacks = new ButtonCallbacks(json, settings.callbackSecret(), settings.replyInThreads(),
                channel -> directChannels.getOrDefault(channel, false), clock);
        this.health = new AdapterHealth(AdapterHealth.State.STOPPED, null, clock.instant());
        this.rooms = settings.team() == null ? null : new MattermostRooms(rest, json, settings.team(),
                settings.maxAttempts(), new Backoff(settings.retryMin(), settings.retryMax(),
                        ThreadLocalRandom.current()::nextDouble), Thread::sleep,
                () -> ThreadLocalRandom.current().nextInt(2, 10_000));
    }

    public MattermostChatAdapter(MattermostSettings settings) {
        this(settings, Clock.systemUTC());
    }

    @Override
    public String platform() {
        return PLATFORM;
    }

    @Override
    public Capabilities capabilities() {
        return new Capabilities(true, true, markdown.buttons(), true, settings.maxPostLength(), true);
    }

    @Override
    public synchronized void start(MessageSink sink) {
        if (run != null) {
            return;
        }
        Events events = new Events(sink);
        ChannelOutbox outbox = new ChannelOutbox(settings, new Backoff(settings.retryMin(), settings.retryMax(),
                ThreadLocalRandom.current()::nextDouble), System::nanoTime, this::sendFailed);
        MattermostSocket socket = new MattermostSocket(settings, http, json, rest, new Backoff(settings.reconnectMin(),
                settings.reconnectMax(), ThreadLocalRandom.current()::nextDouble), events);
        health = new AdapterHealth(AdapterHealth.State.CONNECTING, null, clock.instant());
        run = new Run(socket, outbox, events);
        log.info("Mattermost adapter starting: {}", settings);
        socket.start();
    }

    @Override
    public synchronized void stop() {
        Run current = run;
        if (current == null) {
            return;
        }
        run = null;
        current.events().active = false;
        current.outbox().close("the Mattermost adapter stopped before the reply was delivered");
        current.socket().close();
        health = new AdapterHealth(AdapterHealth.State.STOPPED, null, clock.instant());
    }

    @Override
    public AdapterHealth health() {
        return health;
    }

    /** The bot account as the server last reported it; empty before the first successful connect. */
    public Optional<BotAccount> botAccount() {
        return Optional.ofNullable(bot);
    }

    /** Posts (and edits) waiting in the outbound queues or being retried; for health pages and tests. */
    public int queuedPosts() {
        Run current = run;
        return current == null ? 0 : current.outbox().queuedCalls();
    }

    /** Creates incident channels in {@link MattermostSettings#team()}; empty when no team is configured. */
    @Override
    public Optional<RoomCreator> rooms() {
        return Optional.ofNullable(rooms);
    }

    @Override
    public MessageRef send(ConversationRef to, Reply reply) {
        requireOurs(to);
        List<Block.File> files = PostCalls.files(reply);
        RenderedPost rendered = markdown.render(PostCalls.withoutFiles(reply), to.thread());
        List<String> parts = posts.split(rendered);
        List<Supplier<RestResult>> calls = new ArrayList<>();
        List<String> fileIds = posts.uploads(to, files, calls);
        for (int i = 0; i < parts.size(); i++) {
            boolean last = i == parts.size() - 1;
            calls.add(posts.create(to, parts.get(i), last ? rendered.attachments() : null, last ? fileIds : List.of()));
        }
        List<JsonNode> answers = deliver(to, calls);
        return new MessageRef(to, answers.get(files.size()).path("id").asString());
    }

    @Override
    public MessageRef edit(MessageRef message, Reply reply) {
        ConversationRef to = message.conversation();
        requireOurs(to);
        if (!MattermostRest.isPostId(message.messageId())) {
            throw new AdapterException("cannot edit '" + message.messageId() + "' in " + to
                    + ": it is not a Mattermost post id (letters and digits)");
        }
        // A post's files cannot be swapped by a patch: new files come as a new post in the same place.
        List<Block.File> files = PostCalls.files(reply);
        Reply content = PostCalls.withoutFiles(reply);
        if (content.blocks().isEmpty() && !files.isEmpty()) {
            content = Reply.text("Attached below: " + String.join(", ", files.stream().map(Block.File::name).toList()));
        }
        RenderedPost rendered = markdown.render(content, to.thread());
        List<String> parts = posts.split(rendered);
        List<Supplier<RestResult>> calls = new ArrayList<>();
        ObjectNode patch = json.createObjectNode().put("message", parts.getFirst());
        // Replacing props drops buttons the new content no longer has; buttons go on the last part.
        patch.putObject("props").set("attachments", parts.size() == 1 && rendered.attachments() != null
                ? rendered.attachments() : json.createArrayNode());
        calls.add(() -> rest.patchPost(message.messageId(), patch));
        for (int i = 1; i < parts.size(); i++) {
            calls.add(posts.create(to, parts.get(i), i == parts.size() - 1 ? rendered.attachments() : null, List.of()));
        }
        if (!files.isEmpty()) {
            List<String> fileIds = posts.uploads(to, files, calls);
            calls.add(posts.create(to, "", null, fileIds));
        }
        deliver(to, calls);
        return message;
    }

    /**
     * Handles a button callback that Mattermost POSTed to {@link MattermostSettings#callbackUrl()}; the server
     * module mounts this at {@code /mattermost/actions} and writes the returned status and JSON body. A callback
     * without the shared secret is answered 401 and nothing is delivered; a valid one is delivered to the sink as
     * the clicking user typing the button's command. Thread-safe; never throws for bad input.
     */
    public HttpAnswer handleAction(byte[] body) {
        ButtonCallbacks.Result result = callbacks.read(body);
        return switch (result) {
            case ButtonCallbacks.Result.Refuse refuse -> {
                if (refuse.answer().status() == 401) {
                    log.warn("refused a Mattermost button callback without the shared secret");
                }
                yield refuse.answer();
            }
            case ButtonCallbacks.Result.Deliver deliver -> {
                Run current = run;
                if (current == null) {
                    yield new HttpAnswer(503, json.createObjectNode()
                            .put("ephemeral_text", "Switchboard is not connected to Mattermost right now; try again soon.")
                            .toString());
                }
                current.events().deliver(deliver.message());
                yield deliver.answer();
            }
        };
    }

    private List<JsonNode> deliver(ConversationRef to, List<Supplier<RestResult>> calls) {
        Run current = run;
        if (current == null) {
            throw new AdapterException("the Mattermost adapter is stopped; cannot post to " + to);
        }
        ChannelOutbox.Delivery delivery = current.outbox().enqueue(to.id(), calls);
        try {
            return delivery.done.get(settings.sendTimeout().plus(SEND_GRACE).toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            throw cause instanceof AdapterException adapter ? adapter
                    : new AdapterException("could not post to " + to, cause);
        } catch (TimeoutException e) {
            String why = "a reply to " + to + " was not confirmed within " + settings.sendTimeout().plus(SEND_GRACE);
            sendFailed(why);
            throw new AdapterException(why);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AdapterException("interrupted while posting to " + to, e);
        }
    }

    private void sendFailed(String why) {
        AdapterHealth now = health;
        health = new AdapterHealth(now.state(), why, now.since());
    }

    private static void requireOurs(ConversationRef to) {
        if (!PLATFORM.equals(to.platform())) {
            throw new AdapterException("the Mattermost adapter cannot post to " + to + ": it is not a Mattermost channel");
        }
    }

    private final class Events implements MattermostSocket.Listener {
        private final MessageSink sink;
        // Off once stopped, so a late event from the old connection cannot overwrite the health of a new run.
        private volatile boolean active = true;

        Events(MessageSink sink) {
            this.sink = sink;
        }

        @Override
        public void connected(BotAccount account) {
            bot = account;
            if (active) {
                health = AdapterHealth.connected(clock.instant());
                log.info("Mattermost connected as @{}", account.username());
            }
        }

        @Override
        public void down(String why, int failedAttempts) {
            if (active) {
                health = new AdapterHealth(failedAttempts >= ATTEMPTS_BEFORE_FAILED ? AdapterHealth.State.FAILED
                        : AdapterHealth.State.RECONNECTING, why, clock.instant());
            }
        }

        @Override
        public void event(JsonNode event, BotAccount account) {
            if (!active) {
                return;
            }
            String channelType = event.path("data").path("channel_type").asString("");
            String channel = event.path("broadcast").path("channel_id").asString("");
            if (!channel.isEmpty() && !channelType.isEmpty() && directChannels.size() < MAX_KNOWN_DIRECT_CHANNELS) {
                directChannels.put(channel, channelType.equals("D"));
            }
            inbound.read(event, account).ifPresent(this::deliver);
        }

        void deliver(InboundMessage message) {
            if (!active) {
                return;
            }
            try {
                sink.accept(message);
            } catch (RuntimeException e) {
                log.error("the message sink failed for a Mattermost message in {} from {}", message.conversation(),
                        message.user(), e);
            }
        }
    }
}
