package dev.switchboard.server;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The CSRF check: a POST counts only when the page that sent it came from this server. */
class SameOriginTest {
    @Test
    void aPageOfThisServerPasses() {
        assertThat(LoginRoutes.sameOrigin("http://127.0.0.1:8080", "127.0.0.1:8080", false)).isTrue();
        assertThat(LoginRoutes.sameOrigin("https://Chat.Example.com", "chat.example.com", false)).isTrue();
    }

    @Test
    void anotherSiteOrPortFails() {
        assertThat(LoginRoutes.sameOrigin("https://evil.example", "127.0.0.1:8080", false)).isFalse();
        assertThat(LoginRoutes.sameOrigin("http://127.0.0.1:9090", "127.0.0.1:8080", false)).isFalse();
        assertThat(LoginRoutes.sameOrigin("null", "127.0.0.1:8080", false)).isFalse();
        assertThat(LoginRoutes.sameOrigin("http://127.0.0.1:8080", null, false)).isFalse();
    }

    @Test
    void aMissingOriginFailsUnlessAllowed() {
        assertThat(LoginRoutes.sameOrigin(null, "127.0.0.1:8080", false)).isFalse();
        assertThat(LoginRoutes.sameOrigin(null, "127.0.0.1:8080", true)).isTrue();
    }
}
