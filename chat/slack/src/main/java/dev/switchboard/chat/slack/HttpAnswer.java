package dev.switchboard.chat.slack;

import java.util.Objects;

/**
 * What the server module sends back for one Slack HTTP request: a status, a content type and a body (never
 * null, may be empty). Bodies of refusals say what was wrong and never echo a secret.
 */
public record HttpAnswer(int status, String contentType, String body) {
    public HttpAnswer {
        Objects.requireNonNull(contentType, "contentType");
        body = body == null ? "" : body;
    }

    static HttpAnswer ok() {
        return new HttpAnswer(200, "text/plain; charset=utf-8", "");
    }

    static HttpAnswer json(String json) {
        return new HttpAnswer(200, "application/json; charset=utf-8", json);
    }

    static HttpAnswer refuse(int status, String why) {
        return new HttpAnswer(status, "text/plain; charset=utf-8", why);
    }
}
