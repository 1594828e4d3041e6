package dev.switchboard.alerts.webhook;

/**
 * What to answer one webhook request: an HTTP {@code status} and a JSON {@code body} (content type
 * {@value #CONTENT_TYPE}). Refusals carry {@code {"status":"refused","error":"..."}} naming what was wrong and
 * what was expected, never a secret; acceptances carry the counts of what was stored.
 */
public record HookAnswer(int status, String body) {
    public static final String CONTENT_TYPE = "application/json";

    /** True for a 2xx answer. */
    public boolean accepted() {
        return status >= 200 && status < 300;
    }
}
