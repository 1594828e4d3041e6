package dev.switchboard.chat.xmpp;

import dev.switchboard.api.AdapterException;
import dev.switchboard.api.chat.AdapterHealth;
import dev.switchboard.api.chat.Capabilities;
import dev.switchboard.api.chat.ChatAdapter;
import dev.switchboard.api.chat.ConversationRef;
import dev.switchboard.api.chat.MessageRef;
import dev.switchboard.api.chat.MessageSink;
import dev.switchboard.api.reply.Reply;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import org.jivesoftware.smack.sasl.SASLErrorException;
import org.jxmpp.jid.BareJid;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.stringprep.XmppStringprepException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * XMPP as a {@link ChatAdapter} (platform {@code xmpp}), over one Smack TCP connection.
 *
 * <p>Conversations: a configured room is named by its bare JID ({@code xmpp:ops@conference.example.org}); a
 * one-to-one chat by the other person's bare JID ({@code xmpp:alice@example.org}). Which messages become commands,
 * and who sent them, is described on {@link InboundStanzas}; in short, room lines addressed by prefix or mention,
 * every direct message, never the bot's own lines, never the history a room replays at join.
 *
 * <p>Replies are plain text (buttons become numbered commands to type), split into several messages above
 * {@link XmppSettings#maxMessageLength()}. There are no edits: {@link #edit} posts the new text as a new message.
 *
 * <p>{@link #start} returns at once; a background virtual thread connects, logs in, joins the rooms and, whenever
 * the connection breaks, opens a new one after a capped jittered delay ({@link XmppSettings#reconnectMin()} doubling
 * up to {@link XmppSettings#reconnectMax()}) and re-joins. {@link #send} queues the reply's parts in a bounded
 * outbox and writes them right away when connected; while disconnected it returns at once and the parts are written,
 * in order, as soon as the next connection has joined its rooms. A reply is never dropped: it is written, or
 * {@code send} throws {@link AdapterException} because the outbox is full or the conversation cannot be an XMPP
 * address. Replies still queued at {@link #stop} stay queued for the next {@link #start} (and are logged).
 * Thread-safe; {@code start} and {@code stop} are idempotent.
 */
public final class XmppChatAdapter implements ChatAdapter {
    /** The platform name in addresses ({@code xmpp:ops@conference.example.org}) and accounts. */
    public static final String PLATFORM = "xmpp";

    private static final Logger log = LoggerFactory.getLogger(XmppChatAdapter.class);

    private final XmppSettings settings;
    private final Clock clock;
    private final Capabilities capabilities;
    private final Backoff backoff;
    private final BareJid self;
    private final Set<BareJid> rooms;
    private final Outbox outbox;
    private final Object lifecycle = new Object();
    private final Object writing = new Object();

    private Thread runner;
    private volatile XmppSession session;
    private volatile AdapterHealth health;

    public XmppChatAdapter(XmppSettings settings) {
        this(settings, Clock.systemUTC());
    }

    public XmppChatAdapter(XmppSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        this.capabilities = Capabilities.plainText(settings.maxMessageLength(), true);
        this.backoff = new Backoff(settings.reconnectMin(), settings.reconnectMax());
        this.self = jid(settings.botJid());
        this.rooms = settings.rooms().stream().map(XmppChatAdapter::jid).collect(Collectors.toUnmodifiableSet());
        this.outbox = new Outbox(settings.outboxCapacity());
        this.health = new AdapterHealth(AdapterHealth.State.STOPPED, null, clock.instant());
    }

    @Override
    public String platform() {
        return PLATFORM;
    }

    @Override
    public Capabilities capabilities() {
        return capabilities;
    }

    @Override
    public void start(MessageSink sink) {
        synchronized (lifecycle) {
            if (runner != null) {
                return;
            }
            health = new AdapterHealth(AdapterHealth.State.CONNECTING, null, clock.instant());
            runner = Thread.ofVirtual().name("xmpp-" + settings.botJid()).start(() -> run(sink));
        }
    }

    @Override
    public void stop() {
        Thread stopping;
        synchronized (lifecycle) {
            stopping = runner;
            runner = null;
        }
        if (stopping == null) {
            return;
        }
        stopping.interrupt();
        XmppSession current = session;
        if (current != null) {
            current.close();
        }
        try {
            if (!stopping.join(settings.replyTimeout().plusSeconds(1))) {
                log.warn("the XMPP connection thread did not finish within {}", settings.replyTimeout());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        health = new AdapterHealth(AdapterHealth.State.STOPPED, null, clock.instant());
        int waiting = outbox.size();
        if (waiting > 0) {
            log.warn("XMPP adapter stopped with {} message parts not yet sent; they go out after the next start",
                    waiting);
        }
    }

    @Override
    public MessageRef send(ConversationRef to, Reply reply) {
        if (!PLATFORM.equals(to.platform())) {
            throw new AdapterException("cannot send to " + to + " through XMPP; expected an xmpp: conversation");
        }
        BareJid target;
        try {
            target = JidCreate.bareFrom(to.id());
        } catch (XmppStringprepException e) {
            throw new AdapterException("cannot send to " + to + ": '" + to.id()
                    + "' is not a bare JID like alice@example.org or ops@conference.example.org");
        }
        if (target.getLocalpartOrNull() == null) {
            throw new AdapterException("cannot send to " + to + ": expected a user or room JID with an @");
        }
        String id = "sb-" + UUID.randomUUID();
        List<String> texts = ReplyText.parts(reply, settings.maxMessageLength());
        List<Outbox.Part> parts = new ArrayList<>(texts.size());
        for (int i = 0; i < texts.size(); i++) {
            parts.add(new Outbox.Part(ConversationRef.of(PLATFORM, target.toString()), i == 0 ? id : id + "-" + i,
                    texts.get(i)));
        }
        synchronized (lifecycle) {
            if (runner == null) {
                throw new AdapterException("the XMPP adapter is stopped; the reply to " + to + " was not sent");
            }
            outbox.add(parts);
        }
        writeQueued();
        return new MessageRef(to, id);
    }

    /** XMPP messages cannot be edited here, so the new text is posted as a new message (see capabilities). */
    @Override
    public MessageRef edit(MessageRef message, Reply reply) {
        return send(message.conversation(), reply);
    }

    @Override
    public AdapterHealth health() {
        return health;
    }

    /** The background loop: connect, serve until the connection is lost, wait, repeat; ends when interrupted. */
    private void run(MessageSink sink) {
        int failures = 0;
        while (!Thread.currentThread().isInterrupted()) {
            try {
                XmppSession opened = XmppSession.open(settings, new InboundStanzas(self, rooms,
                        Addressing.of(settings), clock, () -> "xmpp-" + UUID.randomUUID()), sink);
                synchronized (writing) {
                    outbox.rewind();
                    session = opened;
                }
                failures = 0;
                health = AdapterHealth.connected(clock.instant());
                log.info("XMPP connected as {} to {}:{}, in rooms {}", settings.botJid(), settings.host(),
                        settings.port(), settings.rooms());
                writeQueued();
                String why = opened.awaitLost();
                session = null;
                opened.close();
                health = new AdapterHealth(AdapterHealth.State.RECONNECTING, why, clock.instant());
            } catch (InterruptedException e) {
                break;
            } catch (SASLErrorException e) {
                failures++;
                health = new AdapterHealth(AdapterHealth.State.FAILED, "login refused for " + settings.botJid()
                        + " (" + describe(e) + "); check the username and password", clock.instant());
                log.error("XMPP login refused for {}: {}", settings.botJid(), describe(e));
            } catch (Exception e) {
                failures++;
                health = new AdapterHealth(AdapterHealth.State.RECONNECTING, describe(e), clock.instant());
                log.warn("XMPP connection to {}:{} failed (attempt {}): {}", settings.host(), settings.port(),
                        failures, describe(e));
            }
            Duration delay = backoff.delay(Math.max(0, failures - 1), ThreadLocalRandom.current());
            try {
                Thread.sleep(delay);
            } catch (InterruptedException e) {
                break;
            }
        }
        XmppSession last = session;
        session = null;
        if (last != null) {
            last.close();
        }
    }

    /** Writes due parts in order while a session is up; one writer at a time keeps the order. */
    private void writeQueued() {
        synchronized (writing) {
            XmppSession current = session;
            boolean wrote = false;
            Outbox.Part next;
            while (current != null && (next = outbox.nextToWrite()) != null) {
                XmppSession.Delivery delivery = current.deliver(next, rooms.contains(jid(next.to().id())),
                        outbox::acknowledged);
                switch (delivery) {
                    case NOT_CONNECTED -> current = null;
                    case AWAITING_ACK, WRITTEN -> {
                        outbox.written(next, delivery == XmppSession.Delivery.AWAITING_ACK);
                        wrote = true;
                    }
                }
            }
            XmppSession requesting = session;
            if (wrote && requesting != null) {
                requesting.requestAcknowledgements();
            }
        }
    }

    /** A user-safe one-line description of a connection failure (Smack's messages name hosts, never secrets). */
    static String describe(Throwable e) {
        String message = e.getMessage();
        String text = e.getClass().getSimpleName() + (message == null ? "" : ": " + message.strip());
        return text.length() > 300 ? text.substring(0, 300) + "..." : text;
    }

    private static BareJid jid(String text) {
        try {
            return JidCreate.bareFrom(text);
        } catch (XmppStringprepException e) {
            throw new IllegalArgumentException("'" + text + "' is not a JID", e);
        }
    }
}
