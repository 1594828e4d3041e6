package dev.switchboard.testkit;

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
import dev.switchboard.api.reply.Button;
import dev.switchboard.api.reply.Reply;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A chat platform in memory. It records, in order, what users said ({@link #userSaid}) and what the bot posted, and
 * applies edits to the posted line, so a transcript shows each message's final state while {@link #edits()} keeps
 * the history. Bot messages are recorded as their plain-text rendering. Thread-safe: jobs may post and edit from
 * their own threads.
 */
public final class FakeChatAdapter implements ChatAdapter {
    /** One line of the conversation; {@code messageId} is null for what users said. */
    public record Line(String speaker, ConversationRef conversation, String messageId, String text) {
        @Override
        public String toString() {
            return speaker + ": " + text;
        }
    }

    /**
     * A room the fake created through {@link #rooms()}: where it is, the name it got (after the platform's rules), the
     * purpose, who was invited and who was not (see {@link #unknownUsers}).
     */
    public record CreatedRoom(ConversationRef room, String name, String purpose, List<String> invited,
            List<String> notInvited) {
        public CreatedRoom {
            invited = List.copyOf(invited);
            notInvited = List.copyOf(notInvited);
        }
    }

    private final String platform;
    private final Capabilities capabilities;
    private final List<Line> lines = new ArrayList<>();
    private final List<String> edits = new ArrayList<>();
    private final Map<String, List<Button>> buttons = new HashMap<>();
    private volatile MessageSink sink;
    private volatile boolean failing;
    private final List<CreatedRoom> createdRooms = new ArrayList<>();
    private final Set<String> unknownUsers = new HashSet<>();
    private volatile boolean roomsEnabled;
    private volatile RoomCreator.Result roomFailure;
    private int posted;

    /** A web-chat-like platform named {@code web}, with threads, edits and buttons. */
    public FakeChatAdapter() {
        this("web", new Capabilities(true, true, true, false, 40_000, true));
    }

    public FakeChatAdapter(String platform, Capabilities capabilities) {
        this.platform = Objects.requireNonNull(platform, "platform");
        this.capabilities = Objects.requireNonNull(capabilities, "capabilities");
    }

    @Override
    public String platform() {
        return platform;
    }

    @Override
    public Capabilities capabilities() {
        return capabilities;
    }

    @Override
    public void start(MessageSink sink) {
        this.sink = sink;
    }

    @Override
    public void stop() {
        sink = null;
    }

    /** Records a user's line without delivering it (the harness runs the pipeline itself). */
    public synchronized void userSaid(String speaker, ConversationRef where, String text) {
        lines.add(new Line(speaker, where, null, text));
    }

    /** Records the user's line and hands the message to the started sink, as a real adapter would. */
    public void deliver(InboundMessage message) {
        userSaid(message.user().id(), message.conversation(), message.text());
        MessageSink target = sink;
        if (target == null) {
            throw new IllegalStateException("the adapter was not started");
        }
        target.accept(message);
    }

    /** While true, every send and edit fails with an {@link AdapterException}, as when the platform is down. */
    public void failing(boolean failing) {
        this.failing = failing;
    }

    /**
     * Lets this platform create rooms, like Slack: {@link #rooms()} then offers a creator that names the room as a
     * platform would (lower case; runs of characters other than {@code a-z0-9-_} become one {@code -}, none at the ends; at
     * most 80; a taken name
     * gets {@code -2}, {@code -3}...), creates {@code #<name>} and records it in {@link #createdRooms()}. Returns
     * this, for {@code ChatTestHarness.builder().adapter(new FakeChatAdapter().withRooms())}.
     */
    public FakeChatAdapter withRooms() {
        roomsEnabled = true;
        return this;
    }

    /** Invitees the platform does not know: room creation reports them as not invited. Returns this. */
    public synchronized FakeChatAdapter unknownUsers(String... userIds) {
        unknownUsers.addAll(List.of(userIds));
        return this;
    }

    /**
     * Makes every later room creation end in {@code failure} (a {@link RoomCreator.Result.Refused} or
     * {@link RoomCreator.Result.Unavailable}) instead of a room; null creates rooms again.
     */
    public void failRooms(RoomCreator.Result failure) {
        if (failure instanceof RoomCreator.Result.Created) {
            throw new IllegalArgumentException("failRooms takes a Refused or Unavailable result");
        }
        roomFailure = failure;
    }

    /** Empty until {@link #withRooms()}; then a creator recording into {@link #createdRooms()}. */
    @Override
    public Optional<RoomCreator> rooms() {
        return roomsEnabled ? Optional.of(this::createRoom) : Optional.empty();
    }

    /** The rooms created so far, in order. */
    public synchronized List<CreatedRoom> createdRooms() {
        return List.copyOf(createdRooms);
    }

    private synchronized RoomCreator.Result createRoom(String wanted, String purpose, List<String> invite) {
        RoomCreator.Result failure = roomFailure;
        if (failure != null) {
            return failure;
        }
        String base = wanted.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_-]+", "-")
                .replaceAll("^-+|-+$", "");
        base = base.substring(0, Math.min(base.length(), 80));
        if (base.isEmpty()) {
            return new RoomCreator.Result.Refused("a room needs a name with letters or digits");
        }
        String name = base;
        for (int n = 2; taken(name); n++) {
            String suffix = "-" + n;
            name = base.substring(0, Math.min(base.length(), 80 - suffix.length())) + suffix;
        }
        List<String> invited = invite.stream().filter(u -> !unknownUsers.contains(u)).toList();
        List<String> notInvited = invite.stream().filter(unknownUsers::contains).toList();
        ConversationRef room = ConversationRef.of(platform, "#" + name);
        createdRooms.add(new CreatedRoom(room, name, purpose, invited, notInvited));
        return new RoomCreator.Result.Created(room, name, notInvited);
    }

    private boolean taken(String name) {
        return createdRooms.stream().anyMatch(r -> r.name().equals(name));
    }

    @Override
    public synchronized MessageRef send(ConversationRef to, Reply reply) {
        if (failing) {
            throw new AdapterException(platform + " is unreachable");
        }
        String id = "m" + ++posted;
        lines.add(new Line("bot", to, id, reply.plainText()));
        buttons.put(id, reply.blocks().stream().filter(b -> b instanceof Block.Buttons)
                .flatMap(b -> ((Block.Buttons) b).buttons().stream()).toList());
        return new MessageRef(to, id);
    }

    @Override
    public synchronized MessageRef edit(MessageRef message, Reply reply) {
        if (failing) {
            throw new AdapterException(platform + " is unreachable");
        }
        String text = reply.plainText();
        for (int i = 0; i < lines.size(); i++) {
            Line line = lines.get(i);
            if (message.messageId().equals(line.messageId())) {
                lines.set(i, new Line(line.speaker(), line.conversation(), line.messageId(), text));
                edits.add(message.messageId() + ": " + text);
                return message;
            }
        }
        throw new AdapterException("message " + message.messageId() + " was never posted");
    }


    @Override
    public AdapterHealth health() {
        return AdapterHealth.connected(Instant.EPOCH);
    }

    /** Every line in order. */
    public synchronized List<Line> lines() {
        return List.copyOf(lines);
    }

    /** Every line as {@code speaker: text}, bot messages in their final (edited) state. */
    public synchronized List<String> transcript() {
        return lines.stream().map(Line::toString).toList();
    }

    /** The lines of one conversation ({@code #ops}, any thread), as {@code speaker: text}. */
    public synchronized List<String> transcript(String conversationId) {
        return lines.stream().filter(l -> l.conversation().id().equals(conversationId)).map(Line::toString).toList();
    }

    /**
     * The buttons of the newest bot message in a conversation ({@code #ops}) that has any; empty if none has.
     */
    public synchronized List<Button> buttons(String conversationId) {
        for (Line line : lines.reversed()) {
            List<Button> shown = buttons.getOrDefault(line.messageId(), List.of());
            if (line.conversation().id().equals(conversationId) && !shown.isEmpty()) {
                return shown;
            }
        }
        return List.of();
    }

    /** Every edit in order, as {@code <message id>: <new text>}. */
    public synchronized List<String> edits() {
        return List.copyOf(edits);
    }
}
