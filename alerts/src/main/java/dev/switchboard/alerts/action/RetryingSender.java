package dev.switchboard.alerts.action;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends one HTTP request to a service, retrying 429, 5xx and unreachable within a {@link RetryPolicy}, and answers
 * either the service's final answer or why it gave up. Reasons name the service and the status, never the URL or a
 * header, so they hold no secret. Thread-safe when its client, sleeper and random are.
 */
final class RetryingSender {
    private static final Logger log = LoggerFactory.getLogger(RetryingSender.class);

    /** The outcome of sending one request. */
    sealed interface Delivery {
        /** A final answer: 2xx, or a 4xx other than 429. */
        record Answered(int status, String body) implements Delivery {}

        /** Retries ran out, or a wait was longer than allowed. */
        record GaveUp(String reason) implements Delivery {}
    }

    private final String service;
    private final HttpClient http;
    private final RetryPolicy policy;
    private final Sleeper sleeper;
    private final Clock clock;
    private final RandomGenerator random;

    RetryingSender(String service, HttpClient http, RetryPolicy policy, Sleeper sleeper, Clock clock,
            RandomGenerator random) {
        this.service = service;
        this.http = http;
        this.policy = policy;
        this.sleeper = sleeper;
        this.clock = clock;
        this.random = random;
    }

    Delivery send(HttpRequest request) {
        String last = "no attempt";
        for (int attempt = 1; attempt <= policy.maxAttempts(); attempt++) {
            Duration wait;
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                int status = response.statusCode();
                if (status != 429 && status < 500) {
                    return new Delivery.Answered(status, response.body());
                }
                Optional<Duration> retryAfter = retryAfter(response);
                if (retryAfter.isPresent() && retryAfter.get().compareTo(policy.maxRetryAfter()) > 0) {
                    return new Delivery.GaveUp(service + " answered " + status + " and asked to wait "
                            + retryAfter.get().toSeconds() + " s, longer than the " + policy.maxRetryAfter().toSeconds()
                            + " s allowed");
                }
                last = status == 429 ? "kept rate-limiting (429)" : "kept failing (last answer " + status + ")";
                wait = retryAfter.isPresent() ? retryAfter.get() : policy.backoff(attempt, random);
            } catch (HttpTimeoutException e) {
                last = "did not answer in time";
                wait = policy.backoff(attempt, random);
            } catch (ConnectException e) {
                last = "could not be reached (connection refused)";
                wait = policy.backoff(attempt, random);
            } catch (IOException e) {
                last = "could not be reached (" + e.getClass().getSimpleName() + ")";
                wait = policy.backoff(attempt, random);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Delivery.GaveUp("interrupted while calling " + service);
            }
            if (attempt == policy.maxAttempts()) {
                break;
            }
            log.info("{} attempt {} of {}: {}; retrying in {} ms", service, attempt, policy.maxAttempts(),
                    last.replace("kept ", ""), wait.toMillis());
            try {
                sleeper.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Delivery.GaveUp("interrupted while waiting to retry " + service);
            }
        }
        return new Delivery.GaveUp(service + " " + last + " after " + policy.maxAttempts() + " attempt"
                + (policy.maxAttempts() == 1 ? "" : "s"));
    }

    /** {@code Retry-After} in seconds or as an HTTP date; empty when absent or unreadable. */
    private Optional<Duration> retryAfter(HttpResponse<?> response) {
        Optional<String> header = response.headers().firstValue("Retry-After").map(String::strip);
        if (header.isEmpty() || header.get().isEmpty()) {
            return Optional.empty();
        }
        String value = header.get();
        try {
            long seconds = Long.parseLong(value);
            return seconds < 0 ? Optional.empty() : Optional.of(Duration.ofSeconds(seconds));
        } catch (NumberFormatException notSeconds) {
            try {
                Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                Duration until = Duration.between(clock.instant(), at);
                return Optional.of(until.isNegative() ? Duration.ZERO : until);
            } catch (DateTimeParseException notADate) {
                return Optional.empty();
            }
        }
    }
}
