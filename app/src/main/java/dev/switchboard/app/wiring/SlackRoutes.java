package dev.switchboard.app.wiring;

import dev.switchboard.chat.slack.HttpAnswer;
import dev.switchboard.chat.slack.SlackChatAdapter;
import dev.switchboard.server.HttpServer;
import dev.switchboard.server.RawPost;

/**
 * Mounts Slack's HTTP entries: {@code POST /slack/events} and {@code POST /slack/interactions}. The server hands
 * over the headers and raw bytes (bodies over 1 MiB are refused with 413 first); the adapter checks the signature
 * on them and says what to answer. Mounted whenever Slack is enabled: in Socket Mode without a signing secret the
 * adapter answers 404 itself.
 */
final class SlackRoutes {
    static final String EVENTS = "/slack/events";
    static final String INTERACTIONS = "/slack/interactions";

    private SlackRoutes() {}

    static void mount(HttpServer http, SlackChatAdapter slack) {
        http.post(EVENTS, (headers, body) -> answer(slack.handleEvents(headers, body)));
        http.post(INTERACTIONS, (headers, body) -> answer(slack.handleInteractions(headers, body)));
    }

    private static RawPost.Answer answer(HttpAnswer answer) {
        return new RawPost.Answer(answer.status(), answer.contentType(), answer.body());
    }
}
