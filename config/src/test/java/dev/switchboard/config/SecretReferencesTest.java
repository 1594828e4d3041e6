package dev.switchboard.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretReferencesTest {
    @TempDir
    Path dir;

    private TempConfig config(Map<String, String> env) {
        return new TempConfig(dir, env);
    }

    @Test
    void envAndFileReferencesAreResolvedAndRememberedAsSecrets() {
        TempConfig files = config(Map.of("DB_PASSWORD", "pg-s3cret", "TOKEN", "xoxb-123456"));
        files.write("secrets/slack.txt", "xapp-file-s3cret");
        files.write("main.yaml",
                "storage: { url: \"jdbc:h2:mem:x\", password: \"${env:DB_PASSWORD}\" }",
                "chat:",
                "  slack: { botToken: \"${env:TOKEN}\", appToken: \"${file:secrets/slack.txt}\" }",
                "plugins: { http: { header: \"Bearer ${env:TOKEN}\" } }");

        SwitchboardConfig loaded = files.loaded("main.yaml");

        assertThat(loaded.storage().password()).isEqualTo("pg-s3cret");
        assertThat(loaded.chat().slack().botToken()).isEqualTo("xoxb-123456");
        assertThat(loaded.chat().slack().appToken()).isEqualTo("xapp-file-s3cret");
        assertThat(loaded.plugins().get("http")).isEqualTo(Map.of("header", "Bearer xoxb-123456"));
        assertThat(loaded.secretValues()).containsExactlyInAnyOrder("pg-s3cret", "xoxb-123456", "xapp-file-s3cret");
    }

    @Test
    void aDoubledDollarIsALiteralReference() {
        TempConfig files = config(Map.of("HOME", "/root"));
        files.write("main.yaml", "plugins: { shell: { script: \"echo $${HOME} and ${env:HOME}\" } }");

        SwitchboardConfig loaded = files.loaded("main.yaml");

        assertThat(loaded.plugins().get("shell")).isEqualTo(Map.of("script", "echo ${HOME} and /root"));
        assertThat(loaded.secretValues()).containsExactly("/root");
    }

    @Test
    void aResolvedSecretInABadValueIsNeverEchoed() {
        TempConfig files = config(Map.of("LOGIN", "hunter2", "CMD", "Hunter3"));
        files.write("main.yaml",
                "chat: { web: { login: \"${env:LOGIN}\" } }",
                "commands:",
                "  - { id: \"${env:CMD}\", template: x, action: { reply: {} } }");

        assertThat(files.errors("main.yaml")).containsExactly(
                "main.yaml:1:23: chat.web.login: unknown login mode (a value from a ${...} reference); expected "
                        + "one of password, open",
                "main.yaml:3:11: commands[0].id: expected a dotted lower-case id, like deploy.service, got "
                        + "(a value from a ${...} reference)");
    }

    @Test
    void aMissingSecretFileIsAnErrorAtTheReference() {
        TempConfig files = config(Map.of());
        files.write("main.yaml", "storage:", "  url: jdbc:h2:mem:x", "  password: ${file:/nonexistent/db-password}");

        assertThat(files.errors("main.yaml")).containsExactly(
                "main.yaml:3:13: storage.password: secret file /nonexistent/db-password does not exist");
    }
}
