package dev.switchboard.chat.slack;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The {@code conversations.*} methods of {@link FakeSlack}, answered as Slack documents them: {@code create}
 * (public channels; {@code invalid_name_required}, {@code invalid_name_maxlength}, {@code invalid_name_specials},
 * {@code name_taken}), {@code setPurpose} ({@code channel_not_found}, {@code too_long}) and {@code invite} (users
 * comma-separated; per user {@code user_not_found}, {@code already_in_channel}, {@code cant_invite_self}; with
 * {@code force} the valid ones are invited and the others listed in {@code errors}). Thread-safe.
 */
final class FakeSlackConversations {
    /** A channel as the fake holds it. */
    record Channel(String id, String name, String purpose, Set<String> members) {}

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Map<String, Channel> byId = new ConcurrentHashMap<>();
    private final Set<String> workspace = ConcurrentHashMap.newKeySet();
    private final AtomicInteger ids = new AtomicInteger(100);
    private final String bot;

    FakeSlackConversations(String bot) {
        this.bot = bot;
        workspace.add(bot);
    }

    void addUsers(String... userIds) {
        workspace.addAll(List.of(userIds));
    }

    /** The channel named {@code name}, or null. */
    Channel named(String name) {
        return byId.values().stream().filter(c -> c.name().equals(name)).findFirst().orElse(null);
    }

    /** A channel someone else made earlier, so its name is taken. */
    void existing(String name) {
        put(new Channel("C" + ids.incrementAndGet(), name, "", Set.of("UOTHER")));
    }

    /** The answer to {@code method} (one of {@code conversations.*}) with the request's form fields. */
    synchronized ObjectNode answer(String method, Map<String, String> form) {
        return switch (method) {
            case "conversations.create" -> create(form.getOrDefault("name", ""));
            case "conversations.setPurpose" -> setPurpose(form.get("channel"), form.getOrDefault("purpose", ""));
            case "conversations.invite" -> invite(form.get("channel"), form.getOrDefault("users", ""),
                    "true".equals(form.get("force")));
            default -> fail("unknown_method");
        };
    }

    private ObjectNode create(String name) {
        if (name.isEmpty()) {
            return fail("invalid_name_required");
        }
        if (name.length() > 80) {
            return fail("invalid_name_maxlength");
        }
        if (!name.matches("[a-z0-9_-]+")) {
            return fail("invalid_name_specials");
        }
        if (named(name) != null) {
            return fail("name_taken");
        }
        Channel channel = put(new Channel("C" + ids.incrementAndGet(), name, "", Set.of(bot)));
        return ok().set("channel", json(channel));
    }

    private ObjectNode setPurpose(String id, String purpose) {
        Channel channel = id == null ? null : byId.get(id);
        if (channel == null) {
            return fail("channel_not_found");
        }
        if (purpose.length() > 250) {
            return fail("too_long");
        }
        Channel updated = put(new Channel(channel.id(), channel.name(), purpose, channel.members()));
        return ok().put("purpose", purpose).set("channel", json(updated));
    }

    private ObjectNode invite(String id, String users, boolean force) {
        Channel channel = id == null ? null : byId.get(id);
        if (channel == null) {
            return fail("channel_not_found");
        }
        List<String> asked = users.isBlank() ? List.of() : List.of(users.split(","));
        if (asked.isEmpty()) {
            return fail("no_user");
        }
        Set<String> members = new LinkedHashSet<>(channel.members());
        List<String> valid = new ArrayList<>();
        ArrayNode errors = JSON.createArrayNode();
        for (String user : asked) {
            String error = user.equals(bot) ? "cant_invite_self" : !workspace.contains(user) ? "user_not_found"
                    : members.contains(user) ? "already_in_channel" : null;
            if (error == null) {
                valid.add(user);
            } else {
                errors.addObject().put("user", user).put("ok", false).put("error", error);
            }
        }
        if (!errors.isEmpty() && (!force || valid.isEmpty())) {
            ObjectNode failed = fail(errors.get(0).get("error").stringValue());
            return force ? failed.set("errors", errors) : failed;
        }
        members.addAll(valid);
        Channel updated = put(new Channel(channel.id(), channel.name(), channel.purpose(), Set.copyOf(members)));
        ObjectNode answer = ok().set("channel", json(updated));
        return errors.isEmpty() ? answer : answer.set("errors", errors);
    }

    private Channel put(Channel channel) {
        byId.put(channel.id(), channel);
        return channel;
    }

    private ObjectNode json(Channel channel) {
        ObjectNode node = JSON.createObjectNode().put("id", channel.id()).put("name", channel.name())
                .put("is_channel", true).put("is_private", false).put("created", 1_700_000_000L)
                .put("creator", bot).put("is_member", channel.members().contains(bot))
                .put("name_normalized", channel.name());
        node.putObject("purpose").put("value", channel.purpose()).put("creator", bot).put("last_set", 0);
        return node;
    }

    private static ObjectNode ok() {
        return JSON.createObjectNode().put("ok", true);
    }

    private static ObjectNode fail(String error) {
        return JSON.createObjectNode().put("ok", false).put("error", error);
    }
}
