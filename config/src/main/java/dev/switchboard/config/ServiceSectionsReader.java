package dev.switchboard.config;

import dev.switchboard.api.chat.ConversationRef;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Reads the flat service sections: {@code server} (its {@code apiTokens} through {@link ApiTokensReader}), {@code storage}, {@code jobs} and {@code admins}. A missing
 * section or key takes its default; a bad value is reported and the default stands in so reading can go on.
 */
final class ServiceSectionsReader {
    private ServiceSectionsReader() {}

    static ServerConfig server(Optional<Cursor> section, List<UserConfig> users) {
        Optional<Fields> f = section.flatMap(c -> c.fields(List.of("bind", "port", "apiTokens")));
        String bind = f.flatMap(x -> x.get("bind")).flatMap(ServiceSectionsReader::nonBlank)
                .orElse(ServerConfig.DEFAULT.bind());
        long port = f.flatMap(x -> x.get("port")).flatMap(c -> c.integer(0, 65535))
                .orElse((long) ServerConfig.DEFAULT.port());
        return new ServerConfig(bind, (int) port, ApiTokensReader.read(f.flatMap(x -> x.get("apiTokens")), users));
    }

    static StorageConfig storage(Optional<Cursor> section) {
        Optional<Fields> f = section.flatMap(c -> c.fields(List.of("url", "user", "password")));
        String url = f.flatMap(x -> x.get("url")).flatMap(c -> c.string().filter(u -> {
            if (!u.startsWith("jdbc:")) {
                c.error("expected a JDBC URL like jdbc:h2:file:./data/switchboard or "
                        + "jdbc:postgresql://db:5432/switchboard");
            }
            return u.startsWith("jdbc:");
        })).orElse(StorageConfig.DEFAULT.url());
        String user = f.flatMap(x -> x.get("user")).flatMap(Cursor::string).orElse(null);
        String password = f.flatMap(x -> x.get("password")).flatMap(Cursor::string).orElse(null);
        return new StorageConfig(url, user, password);
    }

    static JobsConfig jobs(Optional<Cursor> section, Supplier<String> hostName) {
        Optional<Fields> f = section.flatMap(c -> c.fields(List.of("ackAfter", "editInterval", "outputLines",
                "node")));
        Duration ackAfter = f.flatMap(x -> x.get("ackAfter")).flatMap(ServiceSectionsReader::positive)
                .orElse(Duration.ofSeconds(2));
        Duration editInterval = f.flatMap(x -> x.get("editInterval")).flatMap(ServiceSectionsReader::positive)
                .orElse(Duration.ofSeconds(1));
        long outputLines = f.flatMap(x -> x.get("outputLines")).flatMap(c -> c.integer(1, 1_000_000))
                .orElse(10_000L);
        String node = f.flatMap(x -> x.get("node")).flatMap(ServiceSectionsReader::nonBlank)
                .orElseGet(hostName);
        return new JobsConfig(ackAfter, editInterval, (int) outputLines, node);
    }

    static AdminConfig admins(Optional<Cursor> section) {
        Optional<Fields> f = section.flatMap(c -> c.fields(List.of("groups", "conversations")));
        List<String> groups = f.flatMap(x -> x.get("groups")).flatMap(c -> c.strings(false)).orElse(List.of());
        List<ConversationRef> conversations = new ArrayList<>();
        f.flatMap(x -> x.get("conversations")).ifPresent(c -> c.strings(false).ifPresent(texts -> {
            List<Cursor> items = c.items("a list of conversations").orElseThrow();
            for (int i = 0; i < texts.size(); i++) {
                conversation(items.get(i), texts.get(i)).ifPresent(conversations::add);
            }
        }));
        return new AdminConfig(groups, conversations);
    }

    static IncidentsConfig incidents(Optional<Cursor> section) {
        return IncidentsReader.read(section);
    }

    /** The host name, for {@code jobs.node}; "localhost" when the host has none it can tell. Looked up once. */
    static String hostName() {
        return HostName.NAME;
    }

    private static final class HostName {
        // resolving the local host can take seconds on a badly configured resolver: do it once per process
        static final String NAME = lookUp();

        private static String lookUp() {
            try {
                return InetAddress.getLocalHost().getHostName();
            } catch (Exception e) {
                return "localhost";
            }
        }
    }

    /** A {@code platform:conversation} on a known platform, or empty after reporting what was wrong. */
    static Optional<ConversationRef> conversation(Cursor item, String text) {
        int colon = text.indexOf(':');
        if (colon <= 0 || colon == text.length() - 1) {
            item.error("expected platform:conversation, like web:#ops, got " + item.shown());
            return Optional.empty();
        }
        String platform = text.substring(0, colon);
        if (!ChatConfig.PLATFORMS.contains(platform)) {
            item.error("unknown platform '" + platform + "'; expected one of " + String.join(", ", ChatConfig.PLATFORMS)
                    + Spelling.hint(platform, ChatConfig.PLATFORMS));
            return Optional.empty();
        }
        return Optional.of(ConversationRef.parse(text));
    }

    private static Optional<String> nonBlank(Cursor c) {
        return c.string().filter(s -> {
            if (s.isBlank()) {
                c.error("expected a value, got empty text");
            }
            return !s.isBlank();
        });
    }

    private static Optional<Duration> positive(Cursor c) {
        return c.duration().filter(d -> {
            if (d.isZero()) {
                c.error("expected a duration longer than zero");
            }
            return !d.isZero();
        });
    }
}
