package dev.switchboard.server;

import java.util.Map;
import java.util.Objects;

/**
 * A POST endpoint that needs the request exactly as sent, such as a platform's signed webhook
 * ({@code /slack/events}): the handler gets the headers and the raw body bytes (signatures are computed over them,
 * so nothing is parsed or re-encoded first) and says what to answer. Mounted with {@link HttpServer#post}. Called
 * on a server virtual thread, possibly many at once; must not throw for bad input (answer 4xx instead). An
 * exception becomes the server's generic 500 with a reference id.
 */
@FunctionalInterface
public interface RawPost {
    /**
     * @param headers the request headers, looked up case-insensitively (first value of each)
     * @param body the body, at most {@link HttpServer#MAX_POST_BYTES}; larger requests are answered 413 before this
     */
    Answer handle(Map<String, String> headers, byte[] body);

    /** What to send back: a status, a content type and a body (empty when null). */
    record Answer(int status, String contentType, String body) {
        public Answer {
            if (status < 100 || status > 599) {
                throw new IllegalArgumentException("HTTP status " + status + " is out of range; expected 100-599");
            }
            Objects.requireNonNull(contentType, "contentType");
            body = body == null ? "" : body;
        }
    }
}
