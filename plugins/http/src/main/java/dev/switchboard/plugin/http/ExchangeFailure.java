package dev.switchboard.plugin.http;

import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import javax.net.ssl.SSLException;

/**
 * Turns what went wrong in an HTTP exchange into a sentence for the user: which host could not be reached and why,
 * or that it did not answer in time. Only the host, port, method and path appear, never a query, header or body.
 */
final class ExchangeFailure {
    private ExchangeFailure() {}

    /**
     * @param error what the exchange failed with
     * @param request method and path, like {@code POST /deploy}
     * @param host host and port, like {@code api.example.com:8443}
     */
    static String describe(Throwable error, String request, String host, Duration timeout) {
        Throwable cause = unwrap(error);
        return switch (cause) {
            case CancellationException e -> request + " was cancelled";
            case HttpConnectTimeoutException e -> "cannot reach " + host + ": connection timed out";
            case HttpTimeoutException e -> noAnswer(host, timeout);
            case CappedBodySubscriber.TooLarge e -> request + " answered with a body too large to read";
            case ConnectException e when hasCause(e, UnresolvedAddressException.class) ->
                    "cannot reach " + host + ": unknown host";
            case ConnectException e when e.getMessage() != null && !e.getMessage().contains("refused") ->
                    "cannot reach " + host + ": connection failed";
            case ConnectException e -> "cannot reach " + host + ": connection refused";
            case UnknownHostException e -> "cannot reach " + host + ": unknown host";
            case SSLException e -> "cannot reach " + host + ": the TLS handshake failed";
            case IOException e -> "lost the connection to " + host + " before " + request + " was answered";
            default -> "cannot reach " + host + ": " + cause.getClass().getSimpleName();
        };
    }

    static String noAnswer(String host, Duration timeout) {
        return "no answer from " + host + " within " + HttpSettings.show(timeout);
    }

    private static Throwable unwrap(Throwable error) {
        Throwable t = error;
        for (int depth = 0; depth < 5 && (t instanceof ExecutionException || t instanceof CompletionException)
                && t.getCause() != null; depth++) {
            t = t.getCause();
        }
        return t;
    }

    private static boolean hasCause(Throwable error, Class<? extends Throwable> type) {
        Throwable t = error;
        for (int depth = 0; t != null && depth < 5; depth++, t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
