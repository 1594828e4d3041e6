package dev.switchboard.server;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.TreeMap;

/**
 * Serves one {@link RawPost}: refuses a body over the limit with 413 (by its declared length before reading, and
 * while reading when the length was not declared), then hands on the headers and the exact bytes.
 */
final class RawPostRoute {
    private final RawPost handler;
    private final int maxBytes;

    RawPostRoute(RawPost handler, int maxBytes) {
        this.handler = handler;
        this.maxBytes = maxBytes;
    }

    void handle(Context ctx) {
        long declared = ctx.contentLength();
        byte[] body = declared > maxBytes ? null : read(ctx);
        if (body == null) {
            answer(ctx, new RawPost.Answer(413, "text/plain; charset=utf-8",
                    "the request body is larger than " + maxBytes + " bytes"));
            return;
        }
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.putAll(ctx.headerMap());
        answer(ctx, handler.handle(headers, body));
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
