package dev.switchboard.app.wiring;

import dev.switchboard.chat.irc.IrcSettings;
import dev.switchboard.chat.mattermost.MattermostSettings;
import dev.switchboard.chat.slack.SlackSettings;
import dev.switchboard.chat.xmpp.XmppSettings;
import dev.switchboard.config.ChatConfig;
import dev.switchboard.config.IrcChatConfig;
import dev.switchboard.config.MattermostChatConfig;
import dev.switchboard.config.SlackChatConfig;
import dev.switchboard.config.XmppChatConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Maps the config module's plain chat sections onto each adapter's own settings (config cannot depend on adapter
 * modules). Every value is carried over; the adapter's constructor checks what config could not (for example the
 * shape of a room JID), throwing {@link IllegalArgumentException} with a message that never holds a secret.
 */
final class PlatformSettings {
    private PlatformSettings() {}

    /** What each adapter would refuse in its section ({@code chat.xmpp: ...}); empty when all are fine. */
    static List<String> problems(ChatConfig chat) {
        List<String> problems = new ArrayList<>();
        check("chat.irc", chat.irc(), PlatformSettings::irc, problems);
        check("chat.xmpp", chat.xmpp(), PlatformSettings::xmpp, problems);
        check("chat.slack", chat.slack(), PlatformSettings::slack, problems);
        check("chat.mattermost", chat.mattermost(), PlatformSettings::mattermost, problems);
        return problems;
    }

    private static <C> void check(String section, C config, Function<C, ?> settings, List<String> problems) {
        if (config == null) {
            return;
        }
        try {
            settings.apply(config);
        } catch (IllegalArgumentException e) {
            problems.add(section + ": " + e.getMessage());
        }
    }

    static IrcSettings irc(IrcChatConfig c) {
        IrcSettings settings = IrcSettings.of(c.host(), c.port(), c.nick(), c.channels())
                .withTls(c.tls())
                .withAddressing(c.commandPrefix(), c.answerMentions())
                .withMaxLineBytes(c.maxLineBytes())
                .withRate(c.linesPerSecond(), c.burst())
                .withReconnect(c.reconnectMin(), c.reconnectMax())
                .withQueue(c.sendTimeout(), c.maxQueuedLines());
        if (c.saslAccount() != null) {
            settings = settings.withSasl(c.saslAccount(), c.saslPassword());
        }
        if (c.serverPassword() != null) {
            settings = settings.withServerPassword(c.serverPassword());
        }
        return settings;
    }

    static XmppSettings xmpp(XmppChatConfig c) {
        return XmppSettings.builder(c.domain(), c.username(), c.password())
                .host(c.host(), c.port())
                .resource(c.resource())
                .rooms(c.rooms())
                .roomNick(c.roomNick())
                .commandPrefix(c.commandPrefix())
                .answerMentions(c.answerMentions())
                .tls(switch (c.tls()) {
                    case REQUIRED -> XmppSettings.TlsMode.REQUIRED;
                    case OPTIONAL -> XmppSettings.TlsMode.OPTIONAL;
                    case DISABLED -> XmppSettings.TlsMode.DISABLED;
                })
                .reconnect(c.reconnectMin(), c.reconnectMax())
                .replyTimeout(c.replyTimeout())
                .maxMessageLength(c.maxMessageLength())
                .outboxCapacity(c.outboxCapacity())
                .build();
    }

    static SlackSettings slack(SlackChatConfig c) {
        SlackSettings base = switch (c.mode()) {
            case SOCKET -> SlackSettings.socketMode(c.botToken(), c.appToken());
            case HTTP -> SlackSettings.httpEvents(c.botToken(), c.signingSecret());
        };
        if (c.mode() == SlackChatConfig.Mode.SOCKET && c.signingSecret() != null) {
            base = base.withSigningSecret(c.signingSecret());
        }
        return base.withApiBaseUrl(c.apiBaseUrl())
                .withCommandPrefix(c.commandPrefix())
                .withRate(c.messagesPerSecond())
                .withMaxTextLength(c.maxTextLength())
                .withReconnect(c.reconnectMin(), c.reconnectMax())
                .withSendLimits(c.sendAttempts(), c.sendTimeout());
    }

    static MattermostSettings mattermost(MattermostChatConfig c) {
        MattermostSettings settings = MattermostSettings.of(c.serverUrl(), c.botToken())
                .withCommandPrefix(c.commandPrefix())
                .withReplyInThreads(c.replyInThreads())
                .withMaxPostLength(c.maxPostLength())
                .withRate(c.postsPerSecond(), c.burst())
                .withRetries(c.retryMin(), c.retryMax(), c.maxAttempts())
                .withQueue(c.sendTimeout(), c.maxQueuedPosts())
                .withReconnect(c.reconnectMin(), c.reconnectMax())
                .withKeepAlive(c.keepAlive())
                .withTeam(c.team());
        if (c.websocketUrl() != null) {
            settings = settings.withWebsocketUrl(c.websocketUrl());
        }
        if (c.callbackUrl() != null) {
            settings = settings.withCallback(c.callbackUrl(), c.callbackSecret());
        }
        return settings;
    }
}
