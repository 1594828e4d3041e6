package dev.switchboard.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.api.StorageException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

/** Opening storage: bad URLs, unreachable servers and secrets in settings. */
class JdbcStorageTest {
    private static final String SECRET = "Very-Secret-42";

    @Test
    void anUnreachableServerIsNamedWithTheReasonAndNoPassword() throws IOException {
        int port = freePort();
        String url = "jdbc:postgresql://127.0.0.1:" + port + "/switchboard?password=" + SECRET;

        assertThatThrownBy(() -> JdbcStorage.open(StorageSettings.of(url, "sb", SECRET)))
                .isInstanceOf(StorageException.class)
                .hasMessageStartingWith("cannot open database jdbc:postgresql://127.0.0.1:" + port
                        + "/switchboard?password=***: ")
                .hasMessageContaining("refused")
                .hasMessageNotContaining(SECRET);
    }

    @Test
    void anUnsupportedUrlSaysWhatIsExpected() {
        assertThatThrownBy(() -> JdbcStorage.open(StorageSettings.of("jdbc:mysql://db/x?password=" + SECRET)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("expected jdbc:h2:file:./data/switchboard or jdbc:postgresql://")
                .hasMessageNotContaining(SECRET);
    }

    @Test
    void settingsNeverPrintThePassword() {
        StorageSettings settings = StorageSettings.of("jdbc:h2:mem:x;PASSWORD=" + SECRET, "sa", SECRET);
        assertThat(settings.toString()).doesNotContain(SECRET).contains("password=***");
        assertThat(settings.maxPoolSize()).isEqualTo(StorageSettings.DEFAULT_POOL_SIZE).isEqualTo(8);
    }

    @Test
    void aPoolOfNothingIsRejected() {
        assertThatThrownBy(() -> new StorageSettings("jdbc:h2:mem:x", null, null, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxPoolSize must be at least 1");
    }

    @Test
    void describeIsShortAndSecretFree() {
        assertThat(DatabaseUrl.parse("jdbc:postgresql://db.internal:5432/switchboard?user=sb&password=" + SECRET)
                .describe()).isEqualTo("PostgreSQL db.internal:5432/switchboard");
        assertThat(DatabaseUrl.parse("jdbc:h2:file:./data/switchboard;PASSWORD=" + SECRET).describe())
                .isEqualTo("H2 file ./data/switchboard");
        assertThat(DatabaseUrl.redact("jdbc:postgresql://sb:" + SECRET + "@db/x?sslpassword=" + SECRET))
                .doesNotContain(SECRET);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
