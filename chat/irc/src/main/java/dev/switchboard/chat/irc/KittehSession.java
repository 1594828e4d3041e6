package dev.switchboard.chat.irc;

import dev.switchboard.api.chat.ConversationRef;
import dev.switchboard.api.chat.InboundMessage;
import dev.switchboard.api.chat.PlatformUser;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import net.engio.mbassy.listener.Handler;
import org.kitteh.irc.client.library.Client;
import org.kitteh.irc.client.library.element.ServerMessage;
import org.kitteh.irc.client.library.element.User;
import org.kitteh.irc.client.library.event.channel.ChannelJoinEvent;
import org.kitteh.irc.client.library.event.channel.ChannelKickEvent;
import org.kitteh.irc.client.library.event.channel.ChannelMessageEvent;
import org.kitteh.irc.client.library.event.channel.ChannelPartEvent;
import org.kitteh.irc.client.library.event.client.ClientNegotiationCompleteEvent;
import org.kitteh.irc.client.library.event.client.ClientReceiveCommandEvent;
import org.kitteh.irc.client.library.event.client.ClientReceiveNumericEvent;
import org.kitteh.irc.client.library.event.connection.ClientConnectionEndedEvent;
import org.kitteh.irc.client.library.event.connection.ClientConnectionEstablishedEvent;
import org.kitteh.irc.client.library.event.user.PrivateMessageEvent;
import org.kitteh.irc.client.library.exception.KittehNagException;
import org.kitteh.irc.client.library.feature.CapabilityManager;
import org.kitteh.irc.client.library.feature.auth.SaslPlain;
import org.kitteh.irc.client.library.feature.sending.SingleDelaySender;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One started run of the adapter: a Kitteh client that connects, authenticates, joins the configured channels
 * and reconnects with {@link Backoff} until {@link #close()}. It reports readiness and loss to {@link Listener},
 * opens and shuts the {@link OutboundQueue} accordingly, and turns addressed lines into {@link InboundMessage}s.
 * A {@link KeepAlive} watches every open connection (from the TCP connect, so a server that hangs during
 * registration is noticed too) and replaces one that went silent. Kitteh calls the handlers on its own threads.
 */
final class KittehSession {
    private static final Logger log = LoggerFactory.getLogger(KittehSession.class);
    /** Numerics for a JOIN that will not succeed (no such channel, full, invite only, banned, bad key, ...). */
    private static final Set<Integer> JOIN_REFUSED = Set.of(403, 405, 471, 473, 474, 475, 477);

    /** What the adapter hears from a session; called on Kitteh threads. */
    interface Listener {
        void ready();

        void down(String error, int failedAttempts);

        void received(InboundMessage message);
    }

    private final IrcSettings settings;
    private final OutboundQueue queue;
    private final Listener listener;
    private final Clock clock;
    private final Backoff backoff;
    private final Addressing addressing;
    private final Client client;
    private final String runId = Integer.toHexString(ThreadLocalRandom.current().nextInt(0x10000, 0x100000));
    private final AtomicInteger connections = new AtomicInteger();
    private final AtomicLong events = new AtomicLong();
    private final AtomicInteger failedAttempts = new AtomicInteger();
    private final Set<String> settled = ConcurrentHashMap.newKeySet();
    private final Set<String> joined = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService reconnects = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("irc-reconnect").daemon().factory());
    private volatile boolean negotiated;
    private volatile boolean ready;
    private final KeepAlive keepAlive;
    private volatile boolean closing;
    /** Why the session gave up on the current connection itself, or null; read once by {@link #ended}. */
    private volatile String abandoned;

    KittehSession(IrcSettings settings, OutboundQueue queue, Listener listener, Clock clock, Backoff backoff) {
        this.settings = settings;
        this.queue = queue;
        this.listener = listener;
        this.clock = clock;
        this.backoff = backoff;
        this.addressing = new Addressing(settings.commandPrefix(), settings.answerMentions());
        this.keepAlive = new KeepAlive(settings.keepAlive(), System::nanoTime);
        Client.Builder builder = Client.builder().name("switchboard-irc-" + runId).nick(settings.nick())
                .user("switchboard").realName("Switchboard ChatOps bot");
        Client.Builder.Listeners listeners = builder.listeners().exception(this::failed);
        if (log.isTraceEnabled()) {
            // Kitteh hands every line to a listener thread; without tracing that is a wake-up per line for nothing.
            listeners.input(line -> log.trace("<< {}", line)).output(line -> log.trace(">> {}", redacted(line)));
        }
        Client.Builder.Server server = listeners.then().server().host(settings.host()).port(settings.port(), settings.tls()
                        ? Client.Builder.Server.SecurityType.SECURE : Client.Builder.Server.SecurityType.INSECURE);
        if (settings.serverPassword() != null) {
            server.password(settings.serverPassword());
        }
        // Kitteh's own queue (JOIN, WHO, ...) waits 1.2 s per line by default; pace it like ours instead.
        client = server.then().management()
                .messageSendingQueueSupplier(SingleDelaySender.getSupplier(
                        (int) Math.max(1, Math.ceil(1000 / settings.linesPerSecond()))))
                .then().build();
        client.getEventManager().registerEventListener(this);
        if (settings.saslAccount() != null) {
            client.getAuthManager().addProtocol(new SaslPlain(client, settings.saslAccount(), settings.saslPassword()));
        }
        if (!settings.channels().isEmpty()) {
            client.addChannel(settings.channels().toArray(String[]::new));
        }
    }

    void connect() {
        long tick = keepAlive.tick().toMillis();
        reconnects.scheduleWithFixedDelay(this::checkAlive, tick, tick, TimeUnit.MILLISECONDS);
        client.connect();
    }

    /** Runs on the reconnect thread every {@link KeepAlive#tick()}. */
    private void checkAlive() {
        try {
            switch (keepAlive.check()) {
                case KeepAlive.Step.Wait wait -> { }
                case KeepAlive.Step.Ping ping -> client.sendRawLineImmediately("PING :" + ping.token());
                case KeepAlive.Step.Dead dead -> {
                    String why = KeepAlive.describe(settings.host(), settings.port(), dead.silent());
                    log.warn("IRC connection looks dead: {}", why);
                    abandoned = why;
                    // Closes the socket without waiting for the silent server; ended() then reconnects with backoff.
                    client.reconnect("no traffic; reconnecting");
                }
            }
        } catch (RuntimeException e) {
            // A failing tick must not cancel the schedule (a scheduled executor drops a task that throws).
            log.warn("IRC keep-alive check failed: {}", describe(e));
        }
    }

    void close() {
        closing = true;
        reconnects.shutdownNow();
        client.shutdown("Switchboard stopping");
        stopSendingThreads();
    }

    /**
     * Kitteh's sending-queue threads are not daemons, and one waiting on a paused connection can miss the shutdown
     * and keep the JVM alive (seen in CI). They are named after the client, so this session's are found and
     * interrupted; the connection is already closed, so there is nothing left for them to send. One that swallows
     * the interrupt or starts a moment later is interrupted again, every 100 ms for up to 5 s, by a daemon thread.
     */
    private void stopSendingThreads() {
        if (interruptSendingThreads() == 0) {
            return;
        }
        Thread reaper = new Thread(() -> {
            for (int round = 0; round < 50 && interruptSendingThreads() > 0; round++) {
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }, "irc-stop-" + runId);
        reaper.setDaemon(true);
        reaper.start();
    }

    /** Interrupts this session's live sending threads; how many there were. */
    private int interruptSendingThreads() {
        String mine = "(switchboard-irc-" + runId + ")";
        List<Thread> alive = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && t.getName().startsWith("KICL") && t.getName().endsWith(mine))
                .toList();
        alive.forEach(Thread::interrupt);
        return alive.size();
    }

    private void reconnect() {
        if (!closing) {
            try {
                log.debug("IRC reconnecting to {}:{}", settings.host(), settings.port());
                client.connect();
            } catch (RuntimeException | LinkageError e) {
                log.warn("IRC reconnect to {}:{} failed to start: {}", settings.host(), settings.port(), describe(e));
                int attempts = failedAttempts.incrementAndGet();
                listener.down(describe(e), attempts);
                reconnects.schedule(this::reconnect, backoff.delay(attempts).toMillis(), TimeUnit.MILLISECONDS);
            }
        }
    }

    /** The nick the bot has now (the server may have made it differ from the configured one). */
    String nick() {
        return client.getNick();
    }

    /** Whether the channel is joined on the current connection. */
    boolean joined(String channel) {
        return joined.contains(channel.toLowerCase(Locale.ROOT));
    }

    /** Whether the server tells us users' accounts, so ids can be verified. */
    boolean accountsKnown() {
        CapabilityManager caps = client.getCapabilityManager();
        return caps.getCapability(CapabilityManager.Defaults.ACCOUNT_TAG).isPresent()
                || caps.getCapability(CapabilityManager.Defaults.ACCOUNT_NOTIFY).isPresent();
    }

    @Handler
    public void established(ClientConnectionEstablishedEvent event) {
        keepAlive.opened();
    }

    @Handler
    public void negotiated(ClientNegotiationCompleteEvent event) {
        if (connections.incrementAndGet() > 1) {
            // Kitteh 9 does not re-join after a reconnect (seen against ngIRCd 26), so the session does.
            settings.channels().forEach(channel -> client.sendRawLine("JOIN " + channel));
        }
        negotiated = true;
        checkReady();
    }

    @Handler
    public void joined(ChannelJoinEvent event) {
        if (client.isUser(event.getUser())) {
            String name = event.getChannel().getName().toLowerCase(Locale.ROOT);
            joined.add(name);
            settled.add(name);
            checkReady();
        }
    }

    @Handler
    public void parted(ChannelPartEvent event) {
        if (client.isUser(event.getUser())) {
            joined.remove(event.getChannel().getName().toLowerCase(Locale.ROOT));
        }
    }

    @Handler
    public void kicked(ChannelKickEvent event) {
        if (client.isUser(event.getTarget())) {
            joined.remove(event.getChannel().getName().toLowerCase(Locale.ROOT));
        }
    }

    @Handler
    public void numeric(ClientReceiveNumericEvent event) {
        keepAlive.received();
        List<String> params = event.getParameters();
        if (JOIN_REFUSED.contains(event.getNumeric()) && params.size() >= 2) {
            log.warn("IRC server refused to let the bot join {}: {}", params.get(1), params.getLast());
            settled.add(params.get(1).toLowerCase(Locale.ROOT));
            checkReady();
        }
    }

    @Handler
    public void command(ClientReceiveCommandEvent event) {
        keepAlive.received();
        if ("PONG".equalsIgnoreCase(event.getCommand()) && !event.getParameters().isEmpty()) {
            queue.pong(event.getParameters().getLast());
        }
    }

    @Handler
    public void ended(ClientConnectionEndedEvent event) {
        negotiated = false;
        ready = false;
        joined.clear();
        settled.clear();
        queue.disconnected();
        keepAlive.closed();
        String why = abandoned;
        abandoned = null;
        String error = why != null ? why
                : event.getCause().map(KittehSession::describe).orElse("the server closed the connection");
        int attempts = failedAttempts.incrementAndGet();
        if (closing) {
            event.setAttemptReconnect(false);
            return;
        }
        // Kitteh's own reconnect is scheduled on the event loop of the connection that just died, which is
        // shut down with it (the reconnect never happened in tests), so the session schedules it itself.
        event.setAttemptReconnect(false);
        long delay = backoff.delay(attempts).toMillis();
        reconnects.schedule(this::reconnect, delay, TimeUnit.MILLISECONDS);
        log.warn("IRC connection to {}:{} lost ({}); reconnecting in {} ms (attempt {})", settings.host(),
                settings.port(), error, delay, attempts);
        listener.down(error, attempts);
    }

    @Handler
    public void channelMessage(ChannelMessageEvent event) {
        if (client.isUser(event.getActor())) {
            return;
        }
        String text = addressing.inChannel(event.getMessage(), client.getNick());
        if (text != null) {
            deliver(event.getActor(), event.getSource(), event.getChannel().getName(), text, false);
        }
    }

    @Handler
    public void privateMessage(PrivateMessageEvent event) {
        if (!event.isToClient() || client.isUser(event.getActor())) {
            return;
        }
        String text = addressing.inPrivate(event.getMessage(), client.getNick());
        deliver(event.getActor(), event.getSource(), IrcTargets.direct(event.getActor().getNick()), text, true);
    }

    private void deliver(User actor, ServerMessage source, String conversation, String text, boolean direct) {
        String account = source.getTag("account").flatMap(tag -> tag.getValue())
                .or(actor::getAccount).filter(a -> !a.isBlank() && !a.equals("*")).orElse(null);
        PlatformUser user = account != null
                ? new PlatformUser(IrcChatAdapter.PLATFORM, account, actor.getNick(), true)
                : new PlatformUser(IrcChatAdapter.PLATFORM, actor.getNick(), actor.getNick(), false);
        String eventId = source.getTag("msgid").flatMap(tag -> tag.getValue()).map(id -> "irc-" + id)
                .orElseGet(() -> "irc-" + runId + "." + connections.get() + "-" + events.incrementAndGet());
        listener.received(new InboundMessage(eventId, user, ConversationRef.of(IrcChatAdapter.PLATFORM, conversation),
                text, clock.instant(), direct));
    }

    private void checkReady() {
        if (ready || !negotiated) {
            return;
        }
        for (String channel : settings.channels()) {
            if (!settled.contains(channel.toLowerCase(Locale.ROOT))) {
                return;
            }
        }
        ready = true;
        failedAttempts.set(0);
        queue.connected(client::sendRawLineImmediately);
        log.info("IRC connected to {}:{} as {}, in {}", settings.host(), settings.port(), client.getNick(), joined);
        listener.ready();
    }

    private void failed(Exception e) {
        if (e instanceof KittehNagException) {
            return;
        }
        log.debug("IRC client reported a problem: {}", describe(e), e);
    }

    /** The line for a trace log, without the secrets some commands carry. */
    static String redacted(String line) {
        String command = line.split(" ", 2)[0].toUpperCase(Locale.ROOT);
        return command.equals("PASS") || command.equals("AUTHENTICATE") || command.equals("OPER")
                ? command + " ***" : line;
    }

    /** A user-safe description of a connection problem: the exception type and message, no credentials. */
    static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return root.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }
}
