package dev.switchboard.alerts.webhook;

/** Why a request is refused: the HTTP status and the message the sender gets (never a secret). */
record Refusal(int status, String message) {
    static final int NOT_FOUND = 404;
    static final int TOO_LARGE = 413;
    static final int UNAUTHENTICATED = 401;
    static final int FORBIDDEN = 403;
    static final int BAD_REQUEST = 400;
    static final int UNPROCESSABLE = 422;
    static final int UNAVAILABLE = 503;
}
