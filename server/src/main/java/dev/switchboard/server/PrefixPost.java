package dev.switchboard.server;

import java.util.Map;

/**
 * Serves {@code POST} for every path under a prefix with the raw request, without login, like {@link RawPost}, and
 * is told the rest of the path, so one handler can answer paths it does not know in advance (webhook receivers by
 * kind and name, an unknown one with its own refusal). Also answers bodies over the server's limit itself, so a
 * refusal of that kind is handled like any other. Implementations are thread-safe and never throw for bad input.
 */
public interface PrefixPost {
    /**
     * @param rest the path after the prefix, e.g. {@code generic/uptime} under {@code /hooks/}
     * @param headers the request headers, looked up case-insensitively (first value of each)
     * @param body the body, at most {@link HttpServer#MAX_POST_BYTES}
     */
    RawPost.Answer handle(String rest, Map<String, String> headers, byte[] body);

    /**
     * The answer to a request whose body is over {@code maxBytes}; it is not read. The headers still say who sent
     * it (and its declared length, when it declared one).
     */
    RawPost.Answer tooLarge(String rest, Map<String, String> headers, int maxBytes);
}
