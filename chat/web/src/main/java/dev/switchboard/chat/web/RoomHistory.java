package dev.switchboard.chat.web;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.node.ObjectNode;

/**
 * The last messages of each room, in memory, so a browser that joins (or reconnects) sees what it missed. Bounded
 * twice: {@code perRoom} messages per room, {@code rooms} rooms (the least recently used room is forgotten first).
 * Edits replace the stored message. Not thread-safe: the adapter calls it under its delivery lock.
 */
final class RoomHistory {
    /** A message as it is shown now; {@code reply} is the rendered {@code {"blocks":[...]}} object. */
    record Posted(String id, String from, ObjectNode reply, Instant at) {}

    private final int perRoom;
    private final Map<String, Deque<Posted>> byRoom;

    RoomHistory(int perRoom, int rooms) {
        this.perRoom = perRoom;
        this.byRoom = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Deque<Posted>> eldest) {
                return size() > rooms;
            }
        };
    }

    void add(String room, Posted message) {
        Deque<Posted> messages = byRoom.computeIfAbsent(room, r -> new ArrayDeque<>());
        messages.addLast(message);
        while (messages.size() > perRoom) {
            messages.removeFirst();
        }
    }

    /** Replaces the reply of a stored message; false when the room no longer holds it. */
    boolean replace(String room, String id, ObjectNode reply) {
        Deque<Posted> messages = byRoom.get(room);
        if (messages == null) {
            return false;
        }
        boolean found = false;
        Deque<Posted> updated = new ArrayDeque<>(messages.size());
        for (Posted p : messages) {
            if (p.id().equals(id)) {
                updated.addLast(new Posted(p.id(), p.from(), reply, p.at()));
                found = true;
            } else {
                updated.addLast(p);
            }
        }
        byRoom.put(room, updated);
        return found;
    }

    /** The room's messages, oldest first; empty for an unknown room. */
    List<Posted> of(String room) {
        Deque<Posted> messages = byRoom.get(room);
        return messages == null ? List.of() : List.copyOf(messages);
    }
}
