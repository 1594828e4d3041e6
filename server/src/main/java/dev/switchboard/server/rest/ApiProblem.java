package dev.switchboard.server.rest;

/**
 * A request the API answers with a 4xx: thrown by the endpoints and request parsing, and turned into
 * {@code {"error": message}} with {@code status} in one place ({@link RestApi}). The message says what was wrong
 * and what was expected; it never holds a secret.
 */
final class ApiProblem extends RuntimeException {
    private final int status;

    private ApiProblem(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    static ApiProblem badRequest(String message) {
        return new ApiProblem(400, message);
    }

    static ApiProblem notFound(String message) {
        return new ApiProblem(404, message);
    }

    int status() {
        return status;
    }
}
