package dev.switchboard.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code server.apiTokens}: hashed tokens, each acting as a configured user. */
class ApiTokensConfigTest {
    private static final String HASH = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
    private static final String USERS = """
            users:
              - { id: alice, accounts: ["web:alice"], groups: [sre] }
            """;

    @TempDir
    Path dir;

    private TempConfig files() {
        return new TempConfig(dir, Map.of());
    }

    @Test
    void tokensLoadWithTheirUserAndLowerCaseHash() {
        TempConfig files = files();
        files.write("s.yaml", USERS + """
                server:
                  port: 9000
                  apiTokens:
                    - { name: grafana-dashboard, user: alice, sha256: "%s" }
                """.formatted(HASH.toUpperCase()));

        ServerConfig server = files.loaded("s.yaml").server();

        assertThat(server.apiTokens()).containsExactly(new ApiTokenConfig("grafana-dashboard", "alice", HASH));
        assertThat(server.withPort(0).apiTokens()).isEqualTo(server.apiTokens());
    }

    @Test
    void withoutTokensTheServerHasNone() {
        TempConfig files = files();
        files.write("s.yaml", USERS);

        assertThat(files.loaded("s.yaml").server().apiTokens()).isEmpty();
    }

    @Test
    void anUnknownUserIsReportedWithTheConfiguredOnesAndADidYouMean() {
        TempConfig files = files();
        files.write("s.yaml", USERS + """
                server:
                  apiTokens:
                    - { name: grafana, user: alcie, sha256: "%s" }
                """.formatted(HASH));

        assertThat(files.errors("s.yaml")).containsExactly("s.yaml:5:30: server.apiTokens[0].user: unknown user "
                + "'alcie'; configured users are alice (did you mean 'alice'?)");
    }

    @Test
    void aHashOfTheWrongLengthOrTheTokenItselfOrADuplicateNameIsReported() {
        TempConfig files = files();
        files.write("s.yaml", USERS + """
                server:
                  apiTokens:
                    - { name: a, user: alice, sha256: "abc123" }
                    - { name: b, user: alice, sha256: "sbt_secret-token-value" }
                    - { name: c, user: alice, sha256: "%s" }
                    - { name: c, user: alice, sha256: "%s" }
                    - { user: alice, sha256: "%s" }
                """.formatted(HASH, HASH, HASH));

        assertThat(files.errors("s.yaml")).satisfiesExactly(
                e -> assertThat(e).contains("server.apiTokens[0].sha256: expected the token's SHA-256 as 64 hex "
                        + "digits (switchboard token new prints it), got 6 characters"),
                e -> assertThat(e).contains("server.apiTokens[1].sha256: this is the token itself")
                        .doesNotContain("secret-token-value"),
                e -> assertThat(e).contains("server.apiTokens[3].name: another API token is already named 'c'"),
                e -> assertThat(e).contains("server.apiTokens[4].name: missing; expected a token name"));
    }
}
