package dev.switchboard.chat.xmpp;

import dev.switchboard.api.chat.ConversationRef;
import dev.switchboard.api.chat.InboundMessage;
import dev.switchboard.api.chat.PlatformUser;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.Presence;
import org.jivesoftware.smackx.delay.packet.DelayInformation;
import org.jivesoftware.smackx.muc.packet.MUCItem;
import org.jivesoftware.smackx.muc.packet.MUCUser;
import org.jxmpp.jid.BareJid;
import org.jxmpp.jid.Jid;
import org.jxmpp.jid.parts.Resourcepart;

/**
 * Turns the stanzas one connection receives into {@link InboundMessage}s, dropping everything not addressed to the
 * bot. Rules:
 * <ul>
 *   <li>Room messages ({@code groupchat}) count only from the configured rooms, only when addressed (see
 *       {@link Addressing}), never from the bot's own nick or account, never with a delay stamp (the history a
 *       room replays at join is stamped, so old commands are not run again). The user is the occupant's real bare
 *       JID when the room shows it ({@code verified}), else the occupant JID {@code room@service/nick}
 *       (unverified: anyone can take a free nick).</li>
 *   <li>Direct messages ({@code chat}, {@code normal}) from any account but the bot's own become commands; the user
 *       and the conversation are the sender's bare JID, verified because the server authenticated it. Private
 *       messages through a room (from {@code room/nick}) are dropped: their sender is not authenticated.</li>
 *   <li>The event id is {@code <sender full JID>#<stanza id>}, or a generated one when the stanza has no id.</li>
 * </ul>
 * Real JIDs are learned from the room's presences, so {@link #presence} must see every presence the connection
 * receives, in order with the messages. Thread-safe; meant to be fed from one Smack listener thread.
 */
final class InboundStanzas {
    private final BareJid self;
    private final Set<BareJid> rooms;
    private final Addressing addressing;
    private final Clock clock;
    private final Supplier<String> ids;
    /** Occupant JID (room/nick) to that occupant's real bare JID, for the rooms that show them. */
    private final Map<Jid, BareJid> realJids = new ConcurrentHashMap<>();

    InboundStanzas(BareJid self, Set<BareJid> rooms, Addressing addressing, Clock clock, Supplier<String> ids) {
        this.self = self;
        this.rooms = Set.copyOf(rooms);
        this.addressing = addressing;
        this.clock = clock;
        this.ids = ids;
    }

    /** Learns (or forgets) an occupant's real JID from a room presence; other presences are ignored. */
    void presence(Presence presence) {
        Jid from = presence.getFrom();
        if (from == null || from.getResourceOrNull() == null || !rooms.contains(from.asBareJid())) {
            return;
        }
        MUCUser muc = MUCUser.from(presence);
        MUCItem item = muc == null ? null : muc.getItem();
        if (presence.getType() == Presence.Type.available && item != null && item.getJid() != null) {
            realJids.put(from, item.getJid().asBareJid());
        } else {
            realJids.remove(from);
        }
    }

    /** The message as Switchboard sees it, or empty when it is not a command for the bot. */
    Optional<InboundMessage> message(Message message) {
        Jid from = message.getFrom();
        String body = message.getBody();
        if (from == null || body == null || body.isBlank() || DelayInformation.from(message) != null) {
            return Optional.empty();
        }
        return switch (message.getType()) {
            case groupchat -> inRoom(message, from, body);
            case chat, normal -> direct(message, from, body);
            case error, headline -> Optional.empty();
        };
    }

    private Optional<InboundMessage> inRoom(Message message, Jid from, String body) {
        Resourcepart nick = from.getResourceOrNull();
        BareJid room = from.asBareJid();
        if (nick == null || !rooms.contains(room) || nick.toString().equals(addressing.nick())) {
            return Optional.empty();
        }
        BareJid real = realJids.get(from);
        if (self.equals(real)) {
            return Optional.empty();
        }
        Optional<String> command = addressing.inRoom(body);
        if (command.isEmpty()) {
            return Optional.empty();
        }
        PlatformUser user = real != null
                ? new PlatformUser(XmppChatAdapter.PLATFORM, real.toString(), nick.toString(), true)
                : new PlatformUser(XmppChatAdapter.PLATFORM, from.toString(), nick.toString(), false);
        return Optional.of(new InboundMessage(eventId(message, from), user,
                ConversationRef.of(XmppChatAdapter.PLATFORM, room.toString()), command.get(), clock.instant(), false));
    }

    private Optional<InboundMessage> direct(Message message, Jid from, String body) {
        BareJid sender = from.asBareJid();
        if (rooms.contains(sender) || self.equals(sender) || from.getLocalpartOrNull() == null) {
            return Optional.empty();
        }
        PlatformUser user = new PlatformUser(XmppChatAdapter.PLATFORM, sender.toString(),
                from.getLocalpartOrNull().toString(), true);
        return Optional.of(new InboundMessage(eventId(message, from), user,
                ConversationRef.of(XmppChatAdapter.PLATFORM, sender.toString()), addressing.direct(body),
                clock.instant(), true));
    }

    private String eventId(Message message, Jid from) {
        String id = message.getStanzaId();
        return id == null || id.isBlank() ? ids.get() : from + "#" + id;
    }
}
