package dev.switchboard.app.wiring;

import dev.switchboard.chat.mattermost.HttpAnswer;
import dev.switchboard.chat.mattermost.MattermostChatAdapter;
import dev.switchboard.server.HttpServer;
import dev.switchboard.server.RawPost;

/**
 * Mounts Mattermost's button callback: {@code POST /mattermost/actions}, which the Mattermost server (not the
 * browser) calls when someone clicks a button. The server hands over the raw bytes (bodies over 1 MiB are refused
 * with 413 first); the adapter checks the callback secret in the button's context (401 without it) and delivers
 * the button's command as typed by the clicking user. Mounted only when {@code chat.mattermost} has a
 * {@code callbackUrl}: without it buttons are shown as commands to type and nothing calls back.
 */
final class MattermostRoutes {
    static final String ACTIONS = "/mattermost/actions";

    private MattermostRoutes() {}

    static void mount(HttpServer http, MattermostChatAdapter mattermost) {
        http.post(ACTIONS, (headers, body) -> answer(mattermost.handleAction(body)));
    }

    private static RawPost.Answer answer(HttpAnswer answer) {
        return new RawPost.Answer(answer.status(), answer.contentType(), answer.body());
    }
}
