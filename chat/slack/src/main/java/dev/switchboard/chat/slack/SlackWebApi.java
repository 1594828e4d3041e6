package dev.switchboard.chat.slack;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackApiTextResponse;
import com.slack.api.methods.response.conversations.ConversationsInviteResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Web API calls the adapter makes, through the Slack SDK's {@link MethodsClient} pointed at
 * {@link SlackSettings#apiBaseUrl()}. Each call is made once and its end returned as an {@link ApiOutcome};
 * retrying and pacing are the {@link ChannelQueue}'s job. Thread-safe; {@link #close()} releases the SDK's threads.
 */
final class SlackWebApi implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SlackWebApi.class);
    private static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(1);

    /** Who the bot is, from {@code auth.test}. */
    record BotIdentity(String userId, String botId, String teamId) {}

    /** A posted message: its channel and its {@code ts}, Slack's id for it. */
    record Posted(String channel, String ts) {}

    private final Slack slack;
    private final MethodsClient bot;
    private final String appToken;

    SlackWebApi(SlackSettings settings) {
        SlackConfig config = new SlackConfig();
        config.setMethodsEndpointUrlPrefix(settings.apiBaseUrl().toString());
        config.setStatsEnabled(false);
        config.setPrettyResponseLoggingEnabled(false);
        config.setFailOnUnknownProperties(false);
        config.setHttpClientCallTimeoutMillis(30_000);
        this.slack = Slack.getInstance(config);
        this.bot = slack.methods(settings.botToken());
        this.appToken = settings.appToken();
    }

    ApiOutcome<BotIdentity> authTest() {
        return call("auth.test", () -> bot.authTest(r -> r),
                r -> new BotIdentity(r.getUserId(), r.getBotId(), r.getTeamId()));
    }

    /** A fresh single-use Socket Mode URL ({@code apps.connections.open}, with the app-level token). */
    ApiOutcome<String> openSocketUrl() {
        MethodsClient app = slack.methods(appToken);
        return call("apps.connections.open", () -> app.appsConnectionsOpen(r -> r), r -> r.getUrl());
    }

    ApiOutcome<Posted> postMessage(String channel, String threadTs, SlackMessage message) {
        return call("chat.postMessage", () -> bot.chatPostMessage(r -> r.channel(channel).threadTs(threadTs)
                .text(message.text()).blocksAsString(message.blocksJson())),
                r -> new Posted(r.getChannel(), r.getTs()));
    }

    ApiOutcome<Posted> update(String channel, String ts, SlackMessage message) {
        return call("chat.update", () -> bot.chatUpdate(r -> r.channel(channel).ts(ts)
                .text(message.text()).blocksAsString(message.blocksJson())),
                r -> new Posted(r.getChannel(), r.getTs()));
    }

    /** Uploads {@code content} as a text snippet shared in the channel (and thread); returns the file id. */
    ApiOutcome<String> uploadSnippet(String channel, String threadTs, String filename, String content) {
        return call("files.uploadV2", () -> bot.filesUploadV2(r -> r.channel(channel).threadTs(threadTs)
                .filename(filename).title(filename).content(content).snippetType("text").requestFileInfo(false)),
                r -> r.getFile() == null ? "" : r.getFile().getId());
    }

    /**
     * Uploads {@code content} as the file {@code filename} shared in the channel (and thread); Slack picks the
     * preview from the name's extension. Returns the file id.
     */
    ApiOutcome<String> uploadFile(String channel, String threadTs, String filename, String content) {
        return call("files.uploadV2", () -> bot.filesUploadV2(r -> r.channel(channel).threadTs(threadTs)
                .filename(filename).title(filename).content(content).requestFileInfo(false)),
                r -> r.getFile() == null ? "" : r.getFile().getId());
    }

    /** A conversation Slack created: its id and the name it has. */
    record Conversation(String id, String name) {}

    /** {@code conversations.create} of a public channel; {@code name_taken} and the like come back as Refused. */
    ApiOutcome<Conversation> createConversation(String name) {
        return call("conversations.create", () -> bot.conversationsCreate(r -> r.name(name).isPrivate(false)),
                r -> new Conversation(r.getChannel().getId(), r.getChannel().getName()));
    }

    ApiOutcome<Boolean> setPurpose(String channel, String purpose) {
        return call("conversations.setPurpose", () -> bot.conversationsSetPurpose(r -> r.channel(channel)
                .purpose(purpose)), r -> true);
    }

    /**
     * {@code conversations.invite} of {@code users} (Slack user ids, sent comma-separated, {@code force} so the
     * valid ones are invited though others are not). Done with the users Slack refused, each with its error, when
     * Slack names them ({@code errors}); Refused when it names nobody (one error for the whole call).
     */
    ApiOutcome<Map<String, String>> invite(String channel, List<String> users) {
        return call("conversations.invite", () -> bot.conversationsInvite(r -> r.channel(channel).users(users)
                .force(true)), SlackWebApi::refusedUsers, SlackWebApi::refusedUsers);
    }

    private static ApiOutcome<Map<String, String>> refusedUsers(ConversationsInviteResponse response) {
        Map<String, String> refused = new LinkedHashMap<>();
        if (response.getErrors() != null) {
            for (ConversationsInviteResponse.Error error : response.getErrors()) {
                if (error.getUser() != null) {
                    refused.put(error.getUser(), String.valueOf(error.getError()));
                }
            }
        }
        if (!response.isOk() && refused.isEmpty()) {
            return new ApiOutcome.Refused<>("conversations.invite answered " + response.getError());
        }
        return new ApiOutcome.Done<>(refused);
    }

    @Override
    public void close() {
        try {
            slack.close();
        } catch (Exception e) {
            log.debug("closing the Slack SDK client failed", e);
        }
    }

    @FunctionalInterface
    private interface SdkCall<R> {
        R run() throws IOException, SlackApiException;
    }

    private static <R extends SlackApiTextResponse, T> ApiOutcome<T> call(
            String method, SdkCall<R> sdkCall, Function<R, T> value) {
        return call(method, sdkCall, r -> new ApiOutcome.Done<>(value.apply(r)),
                r -> new ApiOutcome.Refused<>(method + " answered " + r.getError()));
    }

    /** One SDK call; {@code ok} reads a successful answer, {@code notOk} one with {@code ok: false}. */
    private static <R extends SlackApiTextResponse, T> ApiOutcome<T> call(String method, SdkCall<R> sdkCall,
            Function<R, ApiOutcome<T>> ok, Function<R, ApiOutcome<T>> notOk) {
        try {
            R response = sdkCall.run();
            return response.isOk() ? ok.apply(response) : notOk.apply(response);
        } catch (SlackApiException e) {
            int status = e.getResponse().code();
            if (status == 429) {
                return new ApiOutcome.RateLimited<>(retryAfter(e.getResponse().header("Retry-After")));
            }
            if (status >= 500) {
                return new ApiOutcome.Unavailable<>(method + " answered HTTP " + status);
            }
            return new ApiOutcome.Refused<>(method + " answered HTTP " + status);
        } catch (IOException e) {
            // The SDK's messages name hosts, never tokens; keep only the exception kind to be safe.
            return new ApiOutcome.Unavailable<>(method + " failed: " + e.getClass().getSimpleName());
        } catch (RuntimeException e) {
            // files.uploadV2 wraps a failed step in an unchecked exception; treat it as unavailable (retried).
            return new ApiOutcome.Unavailable<>(method + " failed: " + e.getClass().getSimpleName());
        }
    }

    static Duration retryAfter(String header) {
        if (header == null) {
            return DEFAULT_RETRY_AFTER;
        }
        try {
            long seconds = Long.parseLong(header.strip());
            return seconds < 0 ? DEFAULT_RETRY_AFTER : Duration.ofSeconds(Math.min(seconds, 3_600));
        } catch (NumberFormatException e) {
            return DEFAULT_RETRY_AFTER;
        }
    }
}
