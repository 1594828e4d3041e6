package dev.switchboard.server.rest;

/** The fixed texts of authentication failures: the same whatever was wrong, so they tell an attacker nothing. */
final class ApiErrors {
    static final String NO_TOKEN = "this API needs a token: send Authorization: Bearer <token> "
            + "(make one with switchboard token new)";
    static final String BAD_TOKEN = "the API token is not valid";

    private ApiErrors() {}
}
