package dev.switchboard.chat.xmpp;

import dev.switchboard.api.chat.MessageSink;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;
import org.jivesoftware.smack.ConnectionConfiguration.SecurityMode;
import org.jivesoftware.smack.ConnectionListener;
import org.jivesoftware.smack.SmackException;
import org.jivesoftware.smack.XMPPException;
import org.jivesoftware.smack.filter.OrFilter;
import org.jivesoftware.smack.filter.StanzaTypeFilter;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.Presence;
import org.jivesoftware.smack.packet.StanzaBuilder;
import org.jivesoftware.smack.sm.StreamManagementException.StreamManagementNotEnabledException;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smack.tcp.XMPPTCPConnectionConfiguration;
import org.jivesoftware.smackx.muc.MultiUserChat;
import org.jivesoftware.smackx.muc.MultiUserChatManager;
import org.jivesoftware.smackx.ping.PingManager;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.jid.parts.Resourcepart;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One logged-in connection with its rooms joined: made by {@link #open}, used until {@link #lost()} completes,
 * then thrown away (the adapter opens a fresh one to reconnect, so no state survives a broken stream). Received
 * stanzas go through {@link InboundStanzas} to the sink on Smack's single in-order listener thread.
 * {@link #deliver} may be called from any thread.
 */
final class XmppSession implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(XmppSession.class);
    private static final int PING_INTERVAL_SECONDS = 60;

    private final XmppSettings settings;
    private final XMPPTCPConnection connection;
    private final CompletableFuture<String> lost = new CompletableFuture<>();
    private volatile boolean closing;

    private XmppSession(XmppSettings settings, XMPPTCPConnection connection) {
        this.settings = settings;
        this.connection = connection;
    }

    /** Connects, logs in and joins every room without their history; on failure nothing stays open. */
    static XmppSession open(XmppSettings settings, InboundStanzas inbound, MessageSink sink)
            throws IOException, SmackException, XMPPException, InterruptedException {
        XMPPTCPConnectionConfiguration config = XMPPTCPConnectionConfiguration.builder()
                .setXmppDomain(settings.domain())
                .setHostAddressByNameOrIp(settings.host())
                .setPort(settings.port())
                .setUsernameAndPassword(settings.username(), settings.password())
                .setResource(settings.resource())
                .setSecurityMode(switch (settings.tls()) {
                    case REQUIRED -> SecurityMode.required;
                    case OPTIONAL -> SecurityMode.ifpossible;
                    case DISABLED -> SecurityMode.disabled;
                })
                .setConnectTimeout((int) settings.replyTimeout().toMillis())
                .build();
        XMPPTCPConnection connection = new XMPPTCPConnection(config);
        connection.setReplyTimeout(settings.replyTimeout().toMillis());
        // Acknowledgements tell which replies reached the server. No resumption: every reconnect is a fresh
        // session, and a hibernating old one would keep the bot's seat in its rooms for minutes.
        connection.setUseStreamManagement(true);
        connection.setUseStreamManagementResumption(false);
        XmppSession session = new XmppSession(settings, connection);
        connection.addSyncStanzaListener(stanza -> {
            switch (stanza) {
                case Presence presence -> inbound.presence(presence);
                case Message message -> inbound.message(message).ifPresent(sink::accept);
                default -> { }
            }
        }, new OrFilter(StanzaTypeFilter.MESSAGE, StanzaTypeFilter.PRESENCE));
        connection.addConnectionListener(session.new Watch());
        try {
            connection.connect().login();
            PingManager pings = PingManager.getInstanceFor(connection);
            pings.setPingInterval(PING_INTERVAL_SECONDS);
            // A half-open TCP connection only shows up as unanswered pings.
            pings.registerPingFailedListener(() -> session.lose("the server stopped answering pings"));
            session.joinRooms();
            return session;
        } catch (IOException | SmackException | XMPPException | InterruptedException | RuntimeException e) {
            session.close();
            throw e;
        }
    }

    private void joinRooms() throws SmackException, XMPPException, InterruptedException, IOException {
        MultiUserChatManager mucs = MultiUserChatManager.getInstanceFor(connection);
        Resourcepart nick = Resourcepart.from(settings.roomNick());
        for (String room : settings.rooms()) {
            MultiUserChat muc = mucs.getMultiUserChat(JidCreate.entityBareFrom(room));
            MultiUserChat.MucCreateConfigFormHandle created = muc.createOrJoin(muc.getEnterConfigurationBuilder(nick)
                    .requestNoHistory().timeoutAfter(settings.replyTimeout().toMillis()).build());
            if (created != null) {
                created.makeInstant();
                log.info("created room {} (it did not exist)", room);
            }
        }
    }

    /** Completes with a user-safe reason when the connection is gone; never completes exceptionally. */
    CompletableFuture<String> lost() {
        return lost;
    }

    /** Blocks until the connection is gone and returns why. */
    String awaitLost() throws InterruptedException {
        try {
            return lost.get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("lost never completes exceptionally", e);
        }
    }

    /** What became of a part handed to {@link #deliver}. */
    enum Delivery {
        /** Written; the server will acknowledge it (stream management), so keep it until then. */
        AWAITING_ACK,
        /** Written to a server without acknowledgements: nothing more will be known about it. */
        WRITTEN,
        /** Not written: the connection is gone. */
        NOT_CONNECTED
    }

    /**
     * Writes one message part. With stream management on, {@code acknowledged} runs (on a Smack thread) once the
     * server confirms it; call {@link #requestAcknowledgements} after a batch so it does so promptly.
     */
    Delivery deliver(Outbox.Part part, boolean room, Consumer<Outbox.Part> acknowledged) {
        if (lost.isDone() || !connection.isAuthenticated()) {
            return Delivery.NOT_CONNECTED;
        }
        try {
            Message message = StanzaBuilder.buildMessage(part.stanzaId())
                    .to(JidCreate.bareFrom(part.to().id()))
                    .ofType(room ? Message.Type.groupchat : Message.Type.chat)
                    .setBody(part.body())
                    .build();
            boolean acks = connection.isSmEnabled();
            if (acks) {
                connection.addStanzaIdAcknowledgedListener(part.stanzaId(), stanza -> acknowledged.accept(part));
            }
            connection.sendStanza(message);
            return acks ? Delivery.AWAITING_ACK : Delivery.WRITTEN;
        } catch (SmackException.NotConnectedException | StreamManagementNotEnabledException e) {
            lose("the connection broke while sending");
            return Delivery.NOT_CONNECTED;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Delivery.NOT_CONNECTED;
        } catch (IOException e) {
            // The conversation id was checked before queueing, so this is a bug, not a user error.
            throw new IllegalStateException("conversation " + part.to() + " is not a JID", e);
        }
    }

    /** Asks the server to acknowledge what was written so far; a no-op without stream management. */
    void requestAcknowledgements() {
        if (!connection.isSmEnabled() || lost.isDone()) {
            return;
        }
        try {
            connection.requestSmAcknowledgement();
        } catch (StreamManagementNotEnabledException | SmackException.NotConnectedException e) {
            lose("the connection broke while sending");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Leaves the rooms and closes the stream; idempotent. */
    @Override
    public synchronized void close() {
        if (closing) {
            return;
        }
        closing = true;
        lose("closed");
        if (connection.isConnected()) {
            connection.disconnect();
        }
    }

    /** Marks the session lost and drops the socket (which may still look open, e.g. after failed pings). */
    private void lose(String why) {
        if (lost(why)) {
            connection.instantShutdown();
        }
    }

    private boolean lost(String why) {
        boolean first = lost.complete(why);
        if (first && !closing) {
            log.warn("XMPP connection to {}:{} lost: {}", settings.host(), settings.port(), why);
        }
        return first && !closing;
    }

    /** Turns Smack's connection events into {@link #lost}. */
    private final class Watch implements ConnectionListener {
        @Override
        public void connectionClosed() {
            lost("the server closed the connection");
        }

        @Override
        public void connectionClosedOnError(Exception e) {
            lost(XmppChatAdapter.describe(e));
        }
    }
}
