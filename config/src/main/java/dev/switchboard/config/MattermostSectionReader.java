package dev.switchboard.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads {@code chat.mattermost} into a {@link MattermostChatConfig}; every problem is reported where it was written.
 * The token and the callback secret must be references; when one is malformed it is described, never shown.
 */
final class MattermostSectionReader {
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_.-]{8,200}");
    private static final int MIN_SECRET = 16;
    private static final Pattern TEAM = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");

    private MattermostSectionReader() {}

    static Optional<MattermostChatConfig> read(Cursor settings) {
        Optional<Fields> section = ChatReader.section(settings, MattermostChatConfig.KEYS,
                "{ serverUrl: \"https://chat.example.org\", botToken: \"${env:MATTERMOST_BOT_TOKEN}\" }");
        if (section.isEmpty()) {
            return Optional.empty();
        }
        Fields f = section.get();
        Optional<URI> serverUrl = f.required("serverUrl", "the Mattermost site URL, like https://chat.example.org")
                .flatMap(c -> url(c, List.of("http", "https"), "the Mattermost site URL, like "
                        + "https://chat.example.org"));
        Optional<String> botToken = f.required("botToken", "the bot account's access token as ${env:NAME} or "
                + "${file:/path}").flatMap(MattermostSectionReader::token);
        Optional<URI> websocketUrl = f.get("websocketUrl").flatMap(c -> url(c, List.of("ws", "wss"),
                "the event WebSocket, like wss://chat.example.org/api/v4/websocket (or leave it out to derive it)"));
        Optional<URI> callbackUrl = f.get("callbackUrl").flatMap(c -> url(c, List.of("http", "https"),
                "the public URL of Switchboard's /mattermost/actions, like "
                        + "https://switchboard.example.org/mattermost/actions"));
        Optional<String> callbackSecret = f.get("callbackSecret").flatMap(MattermostSectionReader::callbackSecret);
        if (f.has("callbackUrl") != f.has("callbackSecret")) {
            f.map().error("expected both callbackUrl and callbackSecret (buttons), or neither (buttons shown as "
                    + "commands to type)");
        }
        String prefix = ChatReader.prefix(f, "!");
        if (prefix.startsWith("@")) {
            f.get("commandPrefix").orElseThrow().error("expected a prefix such as ! that is not a mention; "
                    + "@mentions of the bot always reach it");
        }
        boolean threads = ChatReader.bool(f, "replyInThreads", true);
        int maxPostLength = (int) ChatReader.whole(f, "maxPostLength", 100, MattermostChatConfig.SERVER_MAX_POST_LENGTH,
                MattermostChatConfig.SERVER_MAX_POST_LENGTH);
        double perSecond = f.get("postsPerSecond").flatMap(c -> c.number(0.01, 1_000)).orElse(2.0);
        int burst = (int) ChatReader.whole(f, "burst", 1, 10_000, 5);
        Duration retryMin = ChatReader.positive(f, "retryMin", Duration.ofMillis(250));
        Duration retryMax = ChatReader.positive(f, "retryMax", Duration.ofSeconds(10));
        if (retryMax.compareTo(retryMin) < 0) {
            f.get("retryMax").or(() -> f.get("retryMin")).orElse(f.map()).error("retryMax (" + retryMax
                    + ") is shorter than retryMin (" + retryMin + "); expected max >= min");
        }
        int maxAttempts = (int) ChatReader.whole(f, "maxAttempts", 1, 100, 6);
        Duration sendTimeout = ChatReader.positive(f, "sendTimeout", Duration.ofMinutes(2));
        int maxQueuedPosts = (int) ChatReader.whole(f, "maxQueuedPosts", 1, 1_000_000, 500);
        Duration reconnectMin = ChatReader.positive(f, "reconnectMin", Duration.ofSeconds(1));
        Duration reconnectMax = ChatReader.positive(f, "reconnectMax", Duration.ofSeconds(60));
        ChatReader.reconnectOrder(f, reconnectMin, reconnectMax);
        Duration keepAlive = ChatReader.positive(f, "keepAlive", Duration.ofSeconds(30));
        Optional<String> team = f.get("team").flatMap(c -> c.nonBlank().map(String::strip).filter(name -> {
            boolean ok = TEAM.matcher(name).matches();
            if (!ok) {
                c.error("expected the team's name as in its URL (ops in https://chat.example.org/ops/channels/...): "
                        + "lower-case letters, digits, - and _, at most 64; got " + c.shown());
            }
            return ok;
        }));
        if (serverUrl.isEmpty() || botToken.isEmpty() || callbackUrl.isPresent() != callbackSecret.isPresent()) {
            return Optional.empty();
        }
        return Optional.of(new MattermostChatConfig(ChatReader.bool(f, "enabled", true), serverUrl.get(),
                botToken.get(), websocketUrl.orElse(null), callbackUrl.orElse(null), callbackSecret.orElse(null),
                prefix, threads, maxPostLength, perSecond, burst, retryMin, retryMax, maxAttempts, sendTimeout,
                maxQueuedPosts, reconnectMin, reconnectMax, keepAlive, team.orElse(null)));
    }

    private static Optional<String> token(Cursor c) {
        return c.secret("the bot token").map(String::strip).filter(token -> {
            boolean ok = TOKEN.matcher(token).matches();
            if (!ok) {
                c.error("expected the bot account's access token (8-200 letters and digits), but the reference gave "
                        + "something else");
            }
            return ok;
        });
    }

    private static Optional<String> callbackSecret(Cursor c) {
        return c.secret("the callback secret").map(String::strip).filter(secret -> {
            if (secret.length() < MIN_SECRET) {
                c.error("expected a random callback secret of at least " + MIN_SECRET + " characters (like the "
                        + "output of openssl rand -hex 24), but the reference gave a shorter one");
            }
            return secret.length() >= MIN_SECRET;
        });
    }

    private static Optional<URI> url(Cursor c, List<String> schemes, String expected) {
        return c.nonBlank().flatMap(text -> {
            boolean credentials = false;
            try {
                URI uri = new URI(text.strip());
                String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
                credentials = uri.getRawUserInfo() != null;
                if (schemes.contains(scheme) && uri.getHost() != null && !credentials) {
                    return Optional.of(uri);
                }
            } catch (URISyntaxException e) {
                // reported below, like any other URL of the wrong shape
            }
            c.error("expected " + expected + " (" + String.join(" or ", schemes) + ", without credentials), got "
                    + (credentials ? "a URL with credentials (not shown)" : c.shown()));
            return Optional.empty();
        });
    }
}
