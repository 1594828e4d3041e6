package dev.switchboard.server;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.TreeMap;

/**
 * Serves one {@link RawPost}, or every path under a prefix for a {@link PrefixPost}: refuses a body over the limit
 * with 413 (by its declared length before reading, and while reading when the length was not declared; a
 * {@link PrefixPost} words that answer itself), then hands on the headers and the exact bytes.
 */
final class RawPostRoute {
    private final PrefixPost handler;
    private final int prefixLength;
    private final int maxBytes;

    RawPostRoute(RawPost handler, int maxBytes) {
        this(new PrefixPost() {
            @Override
            public RawPost.Answer handle(String rest, Map<String, String> headers, byte[] body) {
                return handler.handle(headers, body);
            }

            @Override
            public RawPost.Answer tooLarge(String rest, Map<String, String> headers, int max) {
                return new RawPost.Answer(413, "text/plain; charset=utf-8",
                        "the request body is larger than " + max + " bytes");
            }
        }, 0, maxBytes);
    }

    /** Serves {@code handler} under a prefix of {@code prefixLength} characters (the rest of the path is its). */
    RawPostRoute(PrefixPost handler, int prefixLength, int maxBytes) {
        this.handler = handler;
        this.prefixLength = prefixLength;
        this.maxBytes = maxBytes;
    }

    void handle(Context ctx) {
        String path = ctx.path();
        String rest = path.length() > prefixLength ? path.substring(prefixLength) : "";
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.putAll(ctx.headerMap());
        long declared = ctx.contentLength();
        byte[] body = declared > maxBytes ? null : read(ctx);
        answer(ctx, body == null ? handler.tooLarge(rest, headers, maxBytes) : handler.handle(rest, headers, body));
    }

    /** The body, or null when it is longer than the limit. */
    private byte[] read(Context ctx) {
        try (InputStream in = ctx.req().getInputStream()) {
            byte[] bytes = in.readNBytes(maxBytes + 1);
            return bytes.length > maxBytes ? null : bytes;
        } catch (IOException e) {
            throw new UncheckedIOException("while reading a POST body to " + ctx.path(), e);
        }
    }

    private static void answer(Context ctx, RawPost.Answer answer) {
        ctx.status(answer.status()).contentType(answer.contentType()).header("Cache-Control", "no-store")
                .result(answer.body());
    }
}
