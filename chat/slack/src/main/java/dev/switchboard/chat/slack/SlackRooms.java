package dev.switchboard.chat.slack;

import dev.switchboard.api.chat.ConversationRef;
import dev.switchboard.api.chat.RoomCreator;
import dev.switchboard.chat.slack.SlackWebApi.Conversation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.IntSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Incident rooms on Slack: {@code conversations.create} (a public channel), {@code conversations.setPurpose} and
 * {@code conversations.invite}. The wanted name is made valid first (lower case, runs of anything but
 * {@code a-z0-9-_} become one {@code -}, at most 80 characters); a {@code name_taken} answer is tried once more with
 * a numeric suffix. Every call waits out a 429's {@code Retry-After}; purpose and invites are also retried after a
 * 5xx, while a 5xx on create ends in {@link Result.Unavailable} at once, since Slack may have created the channel
 * before failing and a blind retry would only hit {@code name_taken}. Invitees Slack refuses
 * ({@code user_not_found}, {@code cant_invite}, ...) are reported as not invited; a failed purpose is logged.
 * Invitees are Slack user ids, with or without the team ({@code T01/U123} or {@code U123}).
 *
 * <p>Thread-safe; blocks the caller for the calls (about one second each at most, plus any Retry-After).
 */
final class SlackRooms implements RoomCreator {
    static final int MAX_NAME = 80;
    private static final Logger log = LoggerFactory.getLogger(SlackRooms.class);
    /** Errors that {@code conversations.invite} gives for one user, not for the call: that user stays out. */
    private static final Set<String> USER_ERRORS = Set.of("user_not_found", "cant_invite", "cant_invite_self",
            "not_in_channel", "user_is_restricted", "user_is_ultra_restricted", "ura_max_channels",
            "invitee_cant_see_channel", "no_external_invite_permission", "user_disabled", "user_is_bot");

    private final Supplier<SlackWebApi> api;
    private final Ticker ticker;
    private final Backoff backoff;
    private final int attempts;
    private final IntSupplier suffix;

    /**
     * @param api the Web API of the running adapter, or null while it is stopped
     * @param attempts how often one call is tried on 429 or 5xx
     * @param suffix the number added to a taken name
     */
    SlackRooms(Supplier<SlackWebApi> api, Ticker ticker, Backoff backoff, int attempts, IntSupplier suffix) {
        this.api = api;
        this.ticker = ticker;
        this.backoff = backoff;
        this.attempts = attempts;
        this.suffix = suffix;
    }

    @Override
    public Result create(String name, String purpose, List<String> invite) {
        SlackWebApi web = api.get();
        if (web == null) {
            return new Result.Unavailable("the Slack adapter is stopped");
        }
        String wanted = validName(name);
        ApiOutcome<Conversation> created;
        try {
            created = once(() -> web.createConversation(wanted));
            if (created instanceof ApiOutcome.Refused<Conversation> r && r.error().endsWith("name_taken")) {
                String tail = "-" + suffix.getAsInt();
                String second = wanted.substring(0, Math.min(wanted.length(), MAX_NAME - tail.length())) + tail;
                created = once(() -> web.createConversation(second));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result.Unavailable("interrupted while creating the Slack channel " + wanted);
        }
        return switch (created) {
            case ApiOutcome.Done<Conversation> d -> furnish(web, d.value(), purpose, invite);
            case ApiOutcome.Refused<Conversation> r -> new Result.Refused("Slack did not create #" + wanted + ": "
                    + r.error() + (r.error().endsWith("missing_scope") ? " (the app needs channels:manage)" : ""));
            case ApiOutcome.RateLimited<Conversation> r -> new Result.Unavailable("Slack kept rate-limiting "
                    + "conversations.create (Retry-After " + r.retryAfter().toSeconds() + " s)");
            case ApiOutcome.Unavailable<Conversation> u -> new Result.Unavailable(u.reason());
        };
    }

    /** The Slack channel name for {@code wanted}: lower case, {@code a-z0-9-_}, at most 80 characters. */
    static String validName(String wanted) {
        String name = wanted.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_-]+", "-").replaceAll("^-+|-+$", "");
        name = name.substring(0, Math.min(name.length(), MAX_NAME)).replaceAll("-+$", "");
        return name.isEmpty() ? "incident" : name;
    }

    private Result furnish(SlackWebApi web, Conversation room, String purpose, List<String> invite) {
        ConversationRef where = ConversationRef.of(SlackChatAdapter.PLATFORM, room.id());
        try {
            if (purpose != null && !purpose.isBlank()) {
                ApiOutcome<Boolean> set = retried(() -> web.setPurpose(room.id(), purpose));
                if (!(set instanceof ApiOutcome.Done<Boolean>)) {
                    log.warn("Slack channel #{} was created but its purpose was not set: {}", room.name(), set);
                }
            }
            return new Result.Created(where, room.name(), invite(web, room, invite));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result.Created(where, room.name(), invite);
        }
    }

    /** Invites everyone; returns the invitees (as given) that are not in the channel afterwards. */
    private List<String> invite(SlackWebApi web, Conversation room, List<String> invite) throws InterruptedException {
        Map<String, String> byUserId = new LinkedHashMap<>();
        for (String given : invite) {
            byUserId.putIfAbsent(given.substring(given.lastIndexOf('/') + 1), given);
        }
        if (byUserId.isEmpty()) {
            return List.of();
        }
        ApiOutcome<Map<String, String>> answer = retried(() -> web.invite(room.id(), List.copyOf(byUserId.keySet())));
        List<String> notInvited = new ArrayList<>();
        switch (answer) {
            case ApiOutcome.Done<Map<String, String>> d -> d.value().forEach((user, error) -> {
                if (!error.equals("already_in_channel") && byUserId.containsKey(user)) {
                    notInvited.add(byUserId.get(user));
                }
            });
            case ApiOutcome.Refused<Map<String, String>> r when byUserId.size() > 1 && isUserError(r.error()) -> {
                // Slack named the error but not the user: ask one by one, to invite everyone it can.
                for (Map.Entry<String, String> user : byUserId.entrySet()) {
                    ApiOutcome<Map<String, String>> one = retried(() -> web.invite(room.id(), List.of(user.getKey())));
                    if (one instanceof ApiOutcome.Done<Map<String, String>> d
                            && d.value().values().stream().allMatch("already_in_channel"::equals)) {
                        continue;
                    }
                    if (!(one instanceof ApiOutcome.Refused<Map<String, String>> r1
                            && r1.error().endsWith("already_in_channel"))) {
                        notInvited.add(user.getValue());
                    }
                }
            }
            default -> {
                if (!(answer instanceof ApiOutcome.Refused<Map<String, String>> r
                        && r.error().endsWith("already_in_channel"))) {
                    log.warn("inviting {} people to Slack channel #{} failed: {}", byUserId.size(), room.name(),
                            answer);
                    notInvited.addAll(byUserId.values());
                }
            }
        }
        return List.copyOf(notInvited);
    }

    private static boolean isUserError(String error) {
        return USER_ERRORS.stream().anyMatch(code -> error.endsWith(" " + code));
    }

    /** Tries a call until it is not rate limited (waiting Retry-After), at most {@code attempts} times. */
    private <T> ApiOutcome<T> once(Supplier<ApiOutcome<T>> call) throws InterruptedException {
        ApiOutcome<T> outcome = call.get();
        for (int tries = 1; tries < attempts && outcome instanceof ApiOutcome.RateLimited<T> r; tries++) {
            ticker.sleep(r.retryAfter());
            outcome = call.get();
        }
        return outcome;
    }

    /** Like {@link #once}, and a 5xx or network failure is retried after a backoff too. */
    private <T> ApiOutcome<T> retried(Supplier<ApiOutcome<T>> call) throws InterruptedException {
        ApiOutcome<T> outcome = call.get();
        for (int tries = 1; tries < attempts; tries++) {
            Duration wait = switch (outcome) {
                case ApiOutcome.RateLimited<T> r -> r.retryAfter();
                case ApiOutcome.Unavailable<T> u -> backoff.delay(tries);
                case ApiOutcome.Done<T> d -> null;
                case ApiOutcome.Refused<T> r -> null;
            };
            if (wait == null) {
                break;
            }
            ticker.sleep(wait);
            outcome = call.get();
        }
        return outcome;
    }
}
