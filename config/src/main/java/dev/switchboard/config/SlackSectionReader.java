package dev.switchboard.config;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads {@code chat.slack} into a {@link SlackChatConfig}; every problem is reported where it was written. Which
 * tokens are required depends on {@code mode}; a token of the wrong kind is named by its kind, never shown.
 */
final class SlackSectionReader {
    private SlackSectionReader() {}

    static Optional<SlackChatConfig> read(Cursor settings) {
        Optional<Fields> section = ChatReader.section(settings, SlackChatConfig.KEYS,
                "{ botToken: \"${env:SLACK_BOT_TOKEN}\", appToken: \"${env:SLACK_APP_TOKEN}\" }");
        if (section.isEmpty()) {
            return Optional.empty();
        }
        Fields f = section.get();
        SlackChatConfig.Mode mode = f.get("mode").flatMap(c -> c.oneOf("mode", List.of("socket", "http")))
                .map(m -> SlackChatConfig.Mode.valueOf(m.toUpperCase(Locale.ROOT))).orElse(SlackChatConfig.Mode.SOCKET);
        Optional<String> botToken = f.required("botToken", "the bot token (xoxb-...) as ${env:NAME} or ${file:/path}")
                .flatMap(c -> token(c, "xoxb-", "the bot token"));
        Optional<String> appToken = mode == SlackChatConfig.Mode.SOCKET
                ? f.required("appToken", "the app-level token (xapp-..., scope connections:write) as ${env:NAME} or "
                        + "${file:/path}; Socket Mode needs it (or set mode: http)")
                        .flatMap(c -> token(c, "xapp-", "the app-level token"))
                : f.get("appToken").flatMap(c -> token(c, "xapp-", "the app-level token"));
        Optional<String> signingSecret = mode == SlackChatConfig.Mode.HTTP
                ? f.required("signingSecret", "the app's signing secret as ${env:NAME} or ${file:/path}; mode: http "
                        + "needs it to check Slack's requests").flatMap(SlackSectionReader::signingSecret)
                : f.get("signingSecret").flatMap(SlackSectionReader::signingSecret);
        URI api = f.get("apiBaseUrl").flatMap(SlackSectionReader::apiUrl).orElse(SlackChatConfig.SLACK_API);
        String prefix = ChatReader.prefix(f, "!");
        double perSecond = f.get("messagesPerSecond").flatMap(c -> c.number(0.01, 1_000)).orElse(1.0);
        int maxTextLength = (int) ChatReader.whole(f, "maxTextLength", 100, 40_000, 3_000);
        Duration reconnectMin = ChatReader.positive(f, "reconnectMin", Duration.ofSeconds(1));
        Duration reconnectMax = ChatReader.positive(f, "reconnectMax", Duration.ofSeconds(60));
        ChatReader.reconnectOrder(f, reconnectMin, reconnectMax);
        int sendAttempts = (int) ChatReader.whole(f, "sendAttempts", 1, 100, 6);
        Duration sendTimeout = ChatReader.positive(f, "sendTimeout", Duration.ofMinutes(2));
        boolean complete = botToken.isPresent() && (mode != SlackChatConfig.Mode.SOCKET || appToken.isPresent())
                && (mode != SlackChatConfig.Mode.HTTP || signingSecret.isPresent());
        if (!complete) {
            return Optional.empty();
        }
        return Optional.of(new SlackChatConfig(ChatReader.bool(f, "enabled", true), mode, botToken.get(),
                appToken.orElse(null), signingSecret.orElse(null), api, prefix, perSecond, maxTextLength,
                reconnectMin, reconnectMax, sendAttempts, sendTimeout));
    }

    private static Optional<String> token(Cursor c, String kind, String what) {
        return c.secret(what).map(String::strip).filter(token -> {
            boolean ok = token.startsWith(kind) && token.length() > kind.length() + 5;
            if (!ok) {
                c.error("expected " + what + ", starting with " + kind + ", but the reference gave "
                        + (token.startsWith("xox") || token.startsWith("xapp-") ? "a token of another kind"
                                : "something that is not a Slack token"));
            }
            return ok;
        });
    }

    private static Optional<String> signingSecret(Cursor c) {
        return c.secret("the signing secret").map(String::strip).filter(secret -> {
            if (secret.length() < 8) {
                c.error("expected the app's signing secret (Basic Information → App Credentials), but the reference "
                        + "gave something shorter than 8 characters");
            }
            return secret.length() >= 8;
        });
    }

    private static Optional<URI> apiUrl(Cursor c) {
        return c.nonBlank().flatMap(text -> {
            try {
                URI uri = new URI(text.strip());
                if (uri.isAbsolute() && uri.getRawUserInfo() == null && text.endsWith("/")
                        && ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))) {
                    return Optional.of(uri);
                }
            } catch (java.net.URISyntaxException e) {
                // reported below, like any other URL of the wrong shape
            }
            c.error("expected an http(s) URL ending in /, like " + SlackChatConfig.SLACK_API + ", without "
                    + "credentials, got " + c.shown());
            return Optional.empty();
        });
    }
}
