package dev.switchboard.chat.xmpp;

import dev.switchboard.testkit.contract.PlatformDriver;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.jivesoftware.smack.ConnectionConfiguration.SecurityMode;
import org.jivesoftware.smack.filter.MessageTypeFilter;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.StanzaBuilder;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smack.tcp.XMPPTCPConnectionConfiguration;
import org.jivesoftware.smackx.muc.MultiUserChat;
import org.jivesoftware.smackx.muc.MultiUserChatManager;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.jid.parts.Resourcepart;

/**
 * People on a real XMPP server, each a Smack connection of their own, in the given rooms: what they say, and what
 * the first of them sees in each room and in their direct chat with the bot. Room lines are said with the command
 * prefix {@code !}, as a person addressing the bot would. The bot's own account may "speak" too (another resource,
 * another nick, no presence so it never receives the bot's direct messages). Test thread only, except the
 * recording, which is thread-safe.
 */
final class XmppPeople implements PlatformDriver, AutoCloseable {
    private static final AtomicInteger RESOURCES = new AtomicInteger();

    private final TestProsody server;
    private final List<String> rooms;
    private final Map<String, XMPPTCPConnection> connections = new HashMap<>();
    private final Map<String, Map<String, MultiUserChat>> joined = new HashMap<>();
    private final Map<String, List<String>> shown = new ConcurrentHashMap<>();
    private final Runnable drop;

    /** {@code drop} cuts the bot's connection, or is null when the test cannot. */
    XmppPeople(TestProsody server, List<String> rooms, Runnable drop) {
        this.server = server;
        this.rooms = List.copyOf(rooms);
        this.drop = drop;
    }

    /** Logs {@code person} in and joins the rooms (the first person logged in is the one who watches). */
    XmppPeople with(String person) {
        connection(person);
        return this;
    }

    @Override
    public void userSays(String user, String conversation, String text) {
        try {
            XMPPTCPConnection connection = connection(user);
            if (rooms.contains(conversation)) {
                joined.get(user).get(conversation).sendMessage("!" + text);
            } else {
                if (!conversation.equals(jid(user))) {
                    throw new IllegalArgumentException(user + " cannot talk in " + conversation);
                }
                connection.sendStanza(StanzaBuilder.buildMessage().ofType(Message.Type.chat)
                        .to(JidCreate.entityBareFrom(jid(TestProsody.BOT))).setBody(text).build());
                record(conversation, text);
            }
        } catch (Exception e) {
            throw new AssertionError(user + " could not say '" + text + "' in " + conversation + ": " + e, e);
        }
    }

    /** {@code user} says {@code text} in a room exactly as typed, without the command prefix. */
    void sayPlain(String user, String room, String text) {
        try {
            connection(user);
            joined.get(user).get(room).sendMessage(text);
        } catch (Exception e) {
            throw new AssertionError(user + " could not say '" + text + "' in " + room + ": " + e, e);
        }
    }

    @Override
    public List<String> shownIn(String conversation) {
        return List.copyOf(shown.getOrDefault(conversation, List.of()));
    }

    @Override
    public void dropConnection() {
        drop.run();
    }

    @Override
    public boolean supportsDrop() {
        return drop != null;
    }

    String jid(String user) {
        return user + "@" + server.domain();
    }

    @Override
    public void close() {
        connections.values().forEach(XMPPTCPConnection::disconnect);
        connections.clear();
    }

    private XMPPTCPConnection connection(String person) {
        XMPPTCPConnection existing = connections.get(person);
        if (existing != null) {
            return existing;
        }
        boolean bot = person.equals(TestProsody.BOT);
        boolean watcher = connections.isEmpty() && !bot;
        try {
            XMPPTCPConnection connection = new XMPPTCPConnection(XMPPTCPConnectionConfiguration.builder()
                    .setXmppDomain(server.domain())
                    .setHostAddressByNameOrIp(server.host())
                    .setPort(server.port())
                    .setUsernameAndPassword(person, bot ? TestProsody.BOT_PASSWORD : "ci-only-" + person + "-password")
                    .setResource("person-" + RESOURCES.incrementAndGet())
                    .setSecurityMode(SecurityMode.disabled)
                    .setSendPresence(!bot)
                    .build());
            connection.setReplyTimeout(10_000);
            connection.connect().login();
            if (watcher) {
                connection.addAsyncStanzaListener(stanza -> {
                    Message message = (Message) stanza;
                    if (message.getBody() != null) {
                        record(jid(person), message.getBody());
                    }
                }, MessageTypeFilter.CHAT);
            }
            Map<String, MultiUserChat> mine = new HashMap<>();
            for (String room : rooms) {
                MultiUserChat muc = MultiUserChatManager.getInstanceFor(connection)
                        .getMultiUserChat(JidCreate.entityBareFrom(room));
                if (watcher) {
                    muc.addMessageListener(message -> {
                        if (message.getBody() != null) {
                            record(room, message.getBody());
                        }
                    });
                }
                String nick = bot ? person + "-driver" : person;
                MultiUserChat.MucCreateConfigFormHandle created = muc.createOrJoin(
                        muc.getEnterConfigurationBuilder(Resourcepart.from(nick)).requestNoHistory().build());
                if (created != null) {
                    created.makeInstant();
                }
                mine.put(room, muc);
            }
            connections.put(person, connection);
            joined.put(person, mine);
            return connection;
        } catch (Exception e) {
            throw new AssertionError(person + " could not log in to " + server.host() + ":" + server.port() + ": "
                    + e, e);
        }
    }

    private void record(String conversation, String text) {
        shown.computeIfAbsent(conversation, c -> new CopyOnWriteArrayList<>()).add(text);
    }

    /** Everything recorded so far, for failure messages. */
    Map<String, List<String>> transcript() {
        Map<String, List<String>> copy = new HashMap<>();
        shown.forEach((k, v) -> copy.put(k, new ArrayList<>(v)));
        return copy;
    }
}
