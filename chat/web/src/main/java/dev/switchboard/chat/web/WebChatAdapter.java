package dev.switchboard.chat.web;

import dev.switchboard.api.AdapterException;
import dev.switchboard.api.chat.AdapterHealth;
import dev.switchboard.api.chat.Capabilities;
import dev.switchboard.api.chat.ChatAdapter;
import dev.switchboard.api.chat.ConversationRef;
import dev.switchboard.api.chat.InboundMessage;
import dev.switchboard.api.chat.MessageRef;
import dev.switchboard.api.chat.MessageSink;
import dev.switchboard.api.chat.PlatformUser;
import dev.switchboard.api.chat.RoomCreator;
import dev.switchboard.api.reply.Reply;
import dev.switchboard.chat.web.RoomHistory.Posted;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The built-in web chat as a {@link ChatAdapter} (platform {@code web}). Browsers are {@link WebChatSession}s that
 * the transport hands over with {@link #connect}, {@link #receive} and {@link #disconnect}; all three are
 * thread-safe and never throw for bad input.
 *
 * <p>Conversations are rooms: channels named like {@code #ops} (lower case) and {@code dm:<user>}, the direct room
 * shared by one user and the bot. A session joins {@code #general} and its own {@code dm:} room on connect, and any
 * channel it asks for. Every room keeps its last 50 messages in memory, sent to a session when it joins.
 * {@link #rooms()} makes incident rooms ({@link WebRooms}).
 *
 * <p>Frames, browser to server (anything else gets an {@code error} frame; frames over 64 KB are refused):
 * <pre>
 * {"type":"join","room":"#ops"}
 * {"type":"say","room":"#ops","text":"deploy web to staging"}
 * {"type":"click","room":"#ops","command":"cancel 12"}     (exactly as if the user typed the command)
 * </pre>
 * Server to browser:
 * <pre>
 * {"type":"welcome","user":"alice","rooms":["#general","dm:alice"]}
 * {"type":"message","room":"#ops","id":"m1a2b-7","from":"alice","reply":{"blocks":[...]},"at":"2025-01-01T10:00:00Z"}
 * {"type":"edit","room":"#ops","id":"m1a2b-7","reply":{"blocks":[...]}}
 * {"type":"history","room":"#ops","messages":[{"id","from","reply","at"}, ...]}
 * {"type":"error","message":"what was wrong and what was expected"}
 * </pre>
 * Said and clicked lines are echoed to the room as {@code from: <user>}; Switchboard's messages are
 * {@code from: "switchboard"}. Blocks are described on {@link ReplyJson}. The sender's identity is always the
 * session's authenticated user, never a field of the frame.
 */
public final class WebChatAdapter implements ChatAdapter {
    /** The platform name in addresses such as {@code web:#ops} and accounts such as {@code web:alice}. */
    public static final String PLATFORM = "web";
    /** The name Switchboard's own messages are shown with. */
    public static final String BOT = "switchboard";
    /** The room every session joins on connect. */
    public static final String DEFAULT_ROOM = "#general";

    private static final Logger log = LoggerFactory.getLogger(WebChatAdapter.class);
    private static final Capabilities CAPABILITIES = new Capabilities(false, true, true, true, 40_000, true);
    private static final int HISTORY_PER_ROOM = 50;
    private static final int ROOMS_REMEMBERED = 1_000;
    private static final int SENT_REMEMBERED = 10_000;

    /** A message Switchboard posted: its room and the ids of the parts it was split into. */
    private record Sent(String room, List<String> partIds) {}

    private record Member(WebChatSession session, Set<String> rooms) {}

    private final Clock clock;
    // Immutable and thread-safe; one per JVM because building it is slow.
    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private final ReplyJson replies = new ReplyJson(JSON);
    private final WebRooms rooms = new WebRooms(this);
    private final OutboundFrames frames = new OutboundFrames(JSON);
    private final Map<String, Member> members = new ConcurrentHashMap<>();
    private final String idPrefix = "m" + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x1000, 0x10000));
    private final AtomicLong nextId = new AtomicLong();
    // Guards history, sent and the order of frames delivered to sessions.
    private final Object delivery = new Object();
    private final RoomHistory history = new RoomHistory(HISTORY_PER_ROOM, ROOMS_REMEMBERED);
    private final Map<String, Sent> sent = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Sent> eldest) {
            return size() > SENT_REMEMBERED;
        }
    };
    private volatile MessageSink sink;
    private volatile AdapterHealth health;

    public WebChatAdapter(Clock clock) {
        this.clock = clock;
        this.health = new AdapterHealth(AdapterHealth.State.STOPPED, null, clock.instant());
    }

    public WebChatAdapter() {
        this(Clock.systemUTC());
    }

    @Override
    public String platform() {
        return PLATFORM;
    }

    @Override
    public Capabilities capabilities() {
        return CAPABILITIES;
    }

    @Override
    public synchronized void start(MessageSink sink) {
        if (this.sink == null) {
            this.sink = sink;
            health = AdapterHealth.connected(clock.instant());
        }
    }

    @Override
    public synchronized void stop() {
        if (sink != null) {
            sink = null;
            health = new AdapterHealth(AdapterHealth.State.STOPPED, null, clock.instant());
        }
    }

    @Override
    public AdapterHealth health() {
        return health;
    }

    /** Incident rooms are plain rooms here: see {@link WebRooms}. */
    @Override
    public Optional<RoomCreator> rooms() {
        return Optional.of(rooms);
    }

    /** Whether a room has messages or anyone in it. */
    boolean inUse(String room) {
        synchronized (delivery) {
            return !history.of(room).isEmpty() || members.values().stream().anyMatch(m -> m.rooms().contains(room));
        }
    }

    /** Puts every open tab of {@code user} into {@code room}, so its messages reach them. */
    void bringIn(String user, String room) {
        members.values().stream().filter(m -> m.session().user().equals(user)).forEach(m -> m.rooms().add(room));
    }

    /** Registers an authenticated browser session and sends it a welcome and the history of its default rooms. */
    public void connect(WebChatSession session) {
        List<String> defaults = List.of(DEFAULT_ROOM, "dm:" + session.user());
        Set<String> rooms = ConcurrentHashMap.newKeySet();
        rooms.addAll(defaults);
        members.put(session.id(), new Member(session, rooms));
        session.send(frames.welcome(session.user(), defaults));
        for (String room : defaults) {
            sendHistory(session, room);
        }
    }

    /** Forgets a session; unknown ids are ignored. */
    public void disconnect(String sessionId) {
        members.remove(sessionId);
    }

    /** Handles one frame from a connected session. Ignored while stopped or for unknown sessions. */
    public void receive(String sessionId, String jsonFrame) {
        MessageSink target = sink;
        Member member = members.get(sessionId);
        if (target == null || member == null) {
            log.debug("ignoring a web chat frame: {}", target == null ? "adapter stopped" : "unknown session");
            return;
        }
        WebChatSession session = member.session();
        switch (InboundFrame.parse(JSON, jsonFrame, session.user())) {
            case InboundFrame.Join join -> {
                member.rooms().add(join.room());
                sendHistory(session, join.room());
            }
            case InboundFrame.Say say -> said(target, member, say.room(), say.text());
            case InboundFrame.Click click -> said(target, member, click.room(), click.command());
            case InboundFrame.Bad bad -> session.send(frames.error(bad.message()));
        }
    }

    private void said(MessageSink target, Member member, String room, String text) {
        String user = member.session().user();
        member.rooms().add(room);
        post(room, user, replies.render(Reply.text(text)));
        InboundMessage message = new InboundMessage("web-" + UUID.randomUUID(),
                new PlatformUser(PLATFORM, user, user, true), ConversationRef.of(PLATFORM, room), text,
                clock.instant(), room.startsWith("dm:"));
        try {
            target.accept(message);
        } catch (RuntimeException e) {
            log.error("the message sink failed for a web chat message in {} from {}", room, user, e);
            member.session().send(frames.error("Switchboard could not take your message right now; try again"));
        }
    }

    @Override
    public MessageRef send(ConversationRef to, Reply reply) {
        String room = roomOf(to);
        List<String> ids = new ArrayList<>();
        synchronized (delivery) {
            for (Reply part : ReplyParts.split(reply, CAPABILITIES.maxMessageLength())) {
                ids.add(post(room, BOT, replies.render(part)));
            }
            sent.put(ids.getFirst(), new Sent(room, List.copyOf(ids)));
        }
        return new MessageRef(to, ids.getFirst());
    }

    @Override
    public MessageRef edit(MessageRef message, Reply reply) {
        String room = roomOf(message.conversation());
        synchronized (delivery) {
            Sent before = sent.get(message.messageId());
            if (before == null || !before.room().equals(room)) {
                // Unknown (forgotten, or from before a restart): show the new content as a new message.
                return send(message.conversation(), reply);
            }
            List<Reply> parts = ReplyParts.split(reply, CAPABILITIES.maxMessageLength());
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < Math.max(parts.size(), before.partIds().size()); i++) {
                if (i >= parts.size()) {
                    replace(room, before.partIds().get(i), replies.render(new Reply(List.of())));
                } else if (i < before.partIds().size()) {
                    replace(room, before.partIds().get(i), replies.render(parts.get(i)));
                    ids.add(before.partIds().get(i));
                } else {
                    ids.add(post(room, BOT, replies.render(parts.get(i))));
                }
            }
            sent.put(message.messageId(), new Sent(room, List.copyOf(ids)));
        }
        return message;
    }

    private String roomOf(ConversationRef to) {
        if (sink == null) {
            throw new AdapterException("the web chat is stopped; cannot post to " + to);
        }
        if (!PLATFORM.equals(to.platform())) {
            throw new AdapterException("the web chat cannot post to " + to + ": it is not a web conversation");
        }
        String room = to.id().startsWith("dm:") ? to.id() : InboundFrame.room(to.id(), "");
        if (room == null || room.equals("dm:")) {
            throw new AdapterException("the web chat cannot post to " + to + ": expected a room like #ops or dm:alice");
        }
        return room;
    }

    private String post(String room, String from, ObjectNode reply) {
        synchronized (delivery) {
            Posted posted = new Posted(idPrefix + "-" + nextId.incrementAndGet(), from, reply, clock.instant());
            history.add(room, posted);
            deliver(room, frames.message(room, posted));
            return posted.id();
        }
    }

    private void replace(String room, String id, ObjectNode reply) {
        history.replace(room, id, reply);
        deliver(room, frames.edit(room, id, reply));
    }

    private void sendHistory(WebChatSession session, String room) {
        synchronized (delivery) {
            session.send(frames.history(room, history.of(room)));
        }
    }

    private void deliver(String room, String frame) {
        String dmUser = room.startsWith("dm:") ? room.substring(3) : null;
        for (Member member : members.values()) {
            if (dmUser != null && member.session().user().equals(dmUser)) {
                member.rooms().add(room);
            }
            if (member.rooms().contains(room)) {
                try {
                    member.session().send(frame);
                } catch (RuntimeException e) {
                    log.warn("could not send a web chat frame to session {} of {}", member.session().id(),
                            member.session().user(), e);
                }
            }
        }
    }
}
