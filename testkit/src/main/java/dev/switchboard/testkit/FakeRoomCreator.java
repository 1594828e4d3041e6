package dev.switchboard.testkit;

import dev.switchboard.api.chat.ConversationRef;
import dev.switchboard.api.chat.RoomCreator;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A platform's room creation in memory: each request is recorded and, unless told to refuse or be unavailable,
 * answered with a room {@code #<name>} on the platform. Invitees named in {@link #unknownUsers} are reported as not
 * invited, as a platform reports ids it does not know. Thread-safe.
 */
public final class FakeRoomCreator implements RoomCreator {
    /** One call of {@link #create}, as made. */
    public record Request(String name, String purpose, List<String> invite) {}

    private final String platform;
    private final List<Request> requests = new ArrayList<>();
    private volatile Result answer;
    private volatile Set<String> unknown = Set.of();

    public FakeRoomCreator(String platform) {
        this.platform = Objects.requireNonNull(platform, "platform");
    }

    /** From now on every request is refused with {@code reason}, as a platform without permission would. */
    public FakeRoomCreator refuse(String reason) {
        answer = new Result.Refused(reason);
        return this;
    }

    /** From now on the platform cannot be reached. */
    public FakeRoomCreator unavailable(String reason) {
        answer = new Result.Unavailable(reason);
        return this;
    }

    /** Platform user ids the platform does not know; they are never invited. */
    public FakeRoomCreator unknownUsers(String... ids) {
        unknown = Set.of(ids);
        return this;
    }

    @Override
    public synchronized Result create(String name, String purpose, List<String> invite) {
        requests.add(new Request(name, purpose, List.copyOf(invite)));
        Result refused = answer;
        if (refused != null) {
            return refused;
        }
        return new Result.Created(ConversationRef.of(platform, "#" + name), name,
                invite.stream().filter(unknown::contains).toList());
    }

    /** Every request so far, oldest first. */
    public synchronized List<Request> requests() {
        return List.copyOf(requests);
    }
}
