package dev.switchboard.app.e2e;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jivesoftware.smack.ConnectionConfiguration.SecurityMode;
import org.jivesoftware.smack.filter.MessageTypeFilter;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.StanzaBuilder;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smack.tcp.XMPPTCPConnectionConfiguration;
import org.jxmpp.jid.impl.JidCreate;

/**
 * A person on XMPP (a Smack connection of their own, plain TCP to a loopback test server) chatting one to one with
 * the bot: what they say, and the bodies of the chat messages they receive. The recording is thread-safe.
 */
final class XmppPerson implements AutoCloseable {
    private final XMPPTCPConnection connection;
    private final List<String> received = new CopyOnWriteArrayList<>();

    private XmppPerson(XMPPTCPConnection connection) {
        this.connection = connection;
    }

    static XmppPerson login(ScriptedPeer server, String user, String password) {
        try {
            XMPPTCPConnection connection = new XMPPTCPConnection(XMPPTCPConnectionConfiguration.builder()
                    .setXmppDomain(server.domain())
                    .setHostAddressByNameOrIp(server.host())
                    .setPort(server.port())
                    .setUsernameAndPassword(user, password)
                    .setResource("e2e-person")
                    .setSecurityMode(SecurityMode.disabled)
                    .build());
            connection.setReplyTimeout(10_000);
            XmppPerson person = new XmppPerson(connection);
            connection.addAsyncStanzaListener(stanza -> {
                Message message = (Message) stanza;
                if (message.getBody() != null) {
                    person.received.add(message.getBody());
                }
            }, MessageTypeFilter.CHAT);
            connection.connect().login();
            return person;
        } catch (Exception e) {
            throw new AssertionError(user + " could not log in to XMPP at " + server.host() + ":" + server.port()
                    + ": " + e, e);
        }
    }

    void tell(String jid, String text) {
        try {
            connection.sendStanza(StanzaBuilder.buildMessage().ofType(Message.Type.chat)
                    .to(JidCreate.entityBareFrom(jid)).setBody(text).build());
        } catch (Exception e) {
            throw new AssertionError("could not send '" + text + "' to " + jid + ": " + e, e);
        }
    }

    List<String> received() {
        return List.copyOf(received);
    }

    @Override
    public void close() {
        connection.disconnect();
    }
}
