package dev.switchboard.chat.web;

import dev.switchboard.api.chat.ConversationRef;
import dev.switchboard.api.chat.RoomCreator;
import dev.switchboard.api.reply.Reply;
import java.util.List;
import java.util.Locale;

/**
 * Incident rooms in the web chat, where a room is just a name: the wanted name becomes {@code #name} (lower case,
 * runs of anything but {@code a-z0-9._-} as one {@code -}, at most 64 characters), with {@code -2}, {@code -3}...
 * when a room of that name already has messages or people. The room opens with a message giving its purpose and
 * who was invited; each invitee (a web login name) is put into the room in every open tab and told so in their
 * direct room. The web chat has no user directory, so nobody is reported as not invited. Thread-safe.
 */
final class WebRooms implements RoomCreator {
    private static final int MAX_NAME = 64;
    private static final int MAX_TRIES = 1_000;

    private final WebChatAdapter chat;

    WebRooms(WebChatAdapter chat) {
        this.chat = chat;
    }

    @Override
    public Result create(String name, String purpose, List<String> invite) {
        if (!chat.health().ready()) {
            return new Result.Unavailable("the web chat is stopped");
        }
        String base = validName(name);
        List<String> people = invite.stream().map(String::strip).filter(s -> !s.isEmpty()).distinct().toList();
        synchronized (this) {
            String room = "#" + base;
            for (int n = 2; chat.inUse(room); n++) {
                if (n > MAX_TRIES) {
                    return new Result.Refused("every room name like #" + base + " is in use");
                }
                String tail = "-" + n;
                room = "#" + base.substring(0, Math.min(base.length(), MAX_NAME - 1 - tail.length())) + tail;
            }
            ConversationRef where = ConversationRef.of(WebChatAdapter.PLATFORM, room);
            people.forEach(user -> chat.bringIn(user, where.id()));
            String about = purpose == null || purpose.isBlank() ? "" : purpose.strip() + "\n";
            chat.send(where, Reply.text(about + (people.isEmpty() ? "Nobody was invited."
                    : "Invited: " + String.join(", ", people))));
            for (String user : people) {
                chat.send(ConversationRef.of(WebChatAdapter.PLATFORM, "dm:" + user), Reply.text("You were invited to "
                        + room + (about.isEmpty() ? "" : ": " + about.strip())));
            }
            return new Result.Created(where, room.substring(1), List.of());
        }
    }

    /** A valid room name without the {@code #}: {@code a-z0-9._-}, starting with a letter or digit, at most 63. */
    static String validName(String wanted) {
        String name = wanted.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]+", "-")
                .replaceAll("^[^a-z0-9]+|[-._]+$", "");
        name = name.substring(0, Math.min(name.length(), MAX_NAME - 1)).replaceAll("[-._]+$", "");
        return name.isEmpty() ? "incident" : name;
    }
}
