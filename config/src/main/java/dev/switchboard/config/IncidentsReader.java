package dev.switchboard.config;

import dev.switchboard.api.chat.ConversationRef;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads {@code incidents: { announce: slack:#incidents, rooms: { platform: slack, prefix: inc- } }}. A missing key
 * takes its default (no announcement, no rooms); a bad value is reported where it was written and left out.
 */
final class IncidentsReader {
    /** What chat platforms accept in a conversation name, and short enough to leave room for the title. */
    private static final Pattern PREFIX = Pattern.compile("[a-z0-9_-]{0,20}");

    private IncidentsReader() {}

    static IncidentsConfig read(Optional<Cursor> section) {
        Optional<Fields> f = section.flatMap(c -> c.fields(List.of("announce", "rooms")));
        ConversationRef announce = f.flatMap(x -> x.get("announce"))
                .flatMap(c -> c.string().flatMap(text -> ServiceSectionsReader.conversation(c, text)))
                .orElse(null);
        IncidentsConfig.Rooms rooms = f.flatMap(x -> x.get("rooms")).flatMap(IncidentsReader::rooms).orElse(null);
        return new IncidentsConfig(announce, rooms);
    }

    private static Optional<IncidentsConfig.Rooms> rooms(Cursor section) {
        Optional<Fields> f = section.fields(List.of("platform", "prefix"));
        if (f.isEmpty()) {
            return Optional.empty();
        }
        Optional<String> platform = f.get().required("platform", "the chat platform to create rooms on, like slack")
                .flatMap(c -> c.oneOf("platform", ChatConfig.PLATFORMS));
        Optional<String> prefix = f.get().get("prefix").map(c -> c.string().filter(p -> {
            if (!PREFIX.matcher(p).matches()) {
                c.error("expected up to 20 lower-case letters, digits, - or _ (channel names allow no more), like"
                        + " inc-, got " + c.shown());
                return false;
            }
            return true;
        })).orElse(Optional.of(IncidentsConfig.Rooms.DEFAULT_PREFIX));
        if (platform.isEmpty() || prefix.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new IncidentsConfig.Rooms(platform.get(), prefix.get()));
    }
}
