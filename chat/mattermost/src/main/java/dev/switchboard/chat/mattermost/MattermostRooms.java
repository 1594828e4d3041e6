package dev.switchboard.chat.mattermost;

import dev.switchboard.api.chat.ConversationRef;
import dev.switchboard.api.chat.RoomCreator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.IntSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Incident rooms on Mattermost: a public channel in the configured team ({@code GET /teams/name/{team}} once, then
 * {@code POST /channels} with the purpose) and {@code POST /channels/{id}/members} per invitee. The name is made
 * valid (lower case, runs of anything but {@code a-z0-9-_} become one {@code -}, at most 64 characters) and the
 * wanted name kept as the display name; a taken name
 * ({@code store.sql_channel.save_channel.exists.app_error}) is tried once more with a numeric suffix. Every call
 * waits out a 429; member additions are also retried after a 5xx, while a 5xx on create is {@link
 * Result.Unavailable} at once (the channel may exist already). An invitee the server refuses (unknown user, no
 * permission) is reported as not invited.
 *
 * <p>Thread-safe; blocks the caller for the calls.
 */
final class MattermostRooms implements RoomCreator {
    static final int MAX_NAME = 64;
    private static final int MAX_PURPOSE = 250;
    private static final String NAME_TAKEN = "store.sql_channel.save_channel.exists.app_error";
    private static final Logger log = LoggerFactory.getLogger(MattermostRooms.class);

    /** Waits between attempts; {@code Thread::sleep} outside tests. */
    @FunctionalInterface
    interface Pause {
        void sleep(Duration duration) throws InterruptedException;
    }

    private final MattermostRest rest;
    private final ObjectMapper json;
    private final String team;
    private final int attempts;
    private final Backoff backoff;
    private final Pause pause;
    private final IntSupplier suffix;
    private volatile String teamId;

    MattermostRooms(MattermostRest rest, ObjectMapper json, String team, int attempts, Backoff backoff, Pause pause,
            IntSupplier suffix) {
        this.rest = rest;
        this.json = json;
        this.team = team;
        this.attempts = attempts;
        this.backoff = backoff;
        this.pause = pause;
        this.suffix = suffix;
    }

    @Override
    public Result create(String name, String purpose, List<String> invite) {
        try {
            if (teamId == null) {
                RestResult found = withRetries(() -> rest.teamByName(this.team), true);
                if (!(found instanceof RestResult.Ok ok)) {
                    return teamNotFound(found);
                }
                teamId = ok.body().path("id").asString("");
            }
            String team = teamId;
            String wanted = validName(name);
            RestResult created = withRetries(() -> rest.createChannel(channel(team, wanted, name, purpose)), false);
            if (created instanceof RestResult.Refused r && r.errorId().equals(NAME_TAKEN)) {
                String tail = "-" + suffix.getAsInt();
                String second = wanted.substring(0, Math.min(wanted.length(), MAX_NAME - tail.length())) + tail;
                created = withRetries(() -> rest.createChannel(channel(team, second, name, purpose)), false);
            }
            return switch (created) {
                case RestResult.Ok ok -> {
                    String id = ok.body().path("id").asString("");
                    yield new Result.Created(ConversationRef.of(MattermostChatAdapter.PLATFORM, id),
                            ok.body().path("name").asString(wanted), addMembers(id, invite));
                }
                case RestResult.Refused r -> new Result.Refused("Mattermost did not create the channel " + wanted
                        + ": " + r.why() + (r.status() == 403 ? " (the bot needs the create_public_channel "
                        + "permission in team " + this.team + ")" : ""));
                case RestResult.RateLimited r -> new Result.Unavailable("Mattermost kept rate-limiting channel "
                        + "creation (wait " + r.retryAfter().toSeconds() + " s)");
                case RestResult.Unavailable u -> new Result.Unavailable(u.why());
            };
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result.Unavailable("interrupted while creating a Mattermost channel");
        }
    }

    /** The Mattermost channel name for {@code wanted}: lower case, {@code a-z0-9-_}, 64 characters at most. */
    static String validName(String wanted) {
        String name = wanted.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_-]+", "-").replaceAll("^[-_]+|[-_]+$", "");
        name = name.substring(0, Math.min(name.length(), MAX_NAME)).replaceAll("[-_]+$", "");
        return name.length() < 2 ? "incident" + name : name;
    }

    private ObjectNode channel(String team, String name, String displayName, String purpose) {
        String shown = displayName.strip().isEmpty() ? name : displayName.strip();
        String about = purpose == null ? "" : purpose;
        return json.createObjectNode().put("team_id", team).put("name", name)
                .put("display_name", shown.substring(0, Math.min(shown.length(), MAX_NAME))).put("type", "O")
                .put("purpose", about.substring(0, Math.min(about.length(), MAX_PURPOSE)));
    }

    private List<String> addMembers(String channelId, List<String> invite) throws InterruptedException {
        List<String> notInvited = new ArrayList<>();
        for (String user : invite.stream().distinct().toList()) {
            RestResult added = withRetries(() -> rest.addMember(channelId, user), true);
            if (!(added instanceof RestResult.Ok)) {
                log.info("could not add {} to Mattermost channel {}: {}", user, channelId, added);
                notInvited.add(user);
            }
        }
        return List.copyOf(notInvited);
    }

    private Result teamNotFound(RestResult lookup) {
        return switch (lookup) {
            case RestResult.Refused r -> new Result.Refused("the Mattermost team '" + team + "' (chat.mattermost.team) "
                    + "was not found or the bot is not in it: " + r.why());
            case RestResult.RateLimited r -> new Result.Unavailable("Mattermost kept rate-limiting the team lookup");
            case RestResult.Unavailable u -> new Result.Unavailable(u.why());
            case RestResult.Ok ok -> throw new IllegalStateException("the team lookup succeeded");
        };
    }

    /** Calls until not rate limited (and, when {@code retry5xx}, not unavailable), at most {@code attempts} times. */
    private RestResult withRetries(Supplier<RestResult> call, boolean retry5xx) throws InterruptedException {
        RestResult result = call.get();
        for (int tries = 1; tries < attempts; tries++) {
            Duration wait = switch (result) {
                case RestResult.RateLimited r -> r.retryAfter();
                case RestResult.Unavailable u -> retry5xx ? backoff.delay(tries) : null;
                case RestResult.Ok ok -> null;
                case RestResult.Refused r -> null;
            };
            if (wait == null) {
                break;
            }
            pause.sleep(wait);
            result = call.get();
        }
        return result;
    }
}
