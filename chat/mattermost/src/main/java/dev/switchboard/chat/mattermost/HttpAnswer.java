package dev.switchboard.chat.mattermost;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * What the HTTP endpoint should answer: a status and a JSON body ({@code application/json; charset=utf-8}). The body
 * never holds a secret or a stack trace.
 */
public record HttpAnswer(int status, String body) {
    public HttpAnswer {
        Objects.requireNonNull(body, "body");
    }

    public static final String CONTENT_TYPE = "application/json; charset=utf-8";

    public String contentType() {
        return CONTENT_TYPE;
    }

    public byte[] bodyBytes() {
        return body.getBytes(StandardCharsets.UTF_8);
    }
}
