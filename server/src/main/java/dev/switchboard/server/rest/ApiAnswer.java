package dev.switchboard.server.rest;

import dev.switchboard.server.JsonText;
import java.util.Map;
import java.util.Objects;

/** What an endpoint answers: a status, a content type and a body. Immutable. */
record ApiAnswer(int status, String contentType, String body) {
    static final String JSON = "application/json";

    ApiAnswer {
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(body, "body");
    }

    static ApiAnswer ok(Map<String, ?> json) {
        return new ApiAnswer(200, JSON, JsonText.object(json));
    }

    static ApiAnswer error(int status, String message) {
        return new ApiAnswer(status, JSON, JsonText.object(Map.of("error", message)));
    }
}
