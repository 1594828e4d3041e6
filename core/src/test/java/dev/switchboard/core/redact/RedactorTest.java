package dev.switchboard.core.redact;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.api.command.ActionSpec;
import dev.switchboard.api.command.ArgSpec;
import dev.switchboard.api.command.ArgType;
import dev.switchboard.api.command.CommandSpec;
import dev.switchboard.api.command.Invocation;
import dev.switchboard.api.reply.Reply;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RedactorTest {
    private final Redactor redactor = Redactor.of(Set.of("xoxb-123-secret", "hunter2", " "));

    @Test
    void configuredSecretsAreMaskedAnywhereInText() {
        assertThat(redactor.redact("token xoxb-123-secret and hunter2, twice: hunter2"))
                .isEqualTo("token *** and ***, twice: ***");
    }

    @Test
    void blankSecretsDoNotMaskEverything() {
        assertThat(redactor.redact("a b c")).isEqualTo("a b c");
    }

    @Test
    void secretArgumentValuesAreMaskedInTheTextTheyCameFrom() {
        CommandSpec login = new CommandSpec("db.login", List.of("login {user} {password}"),
                Map.of("password", new ArgSpec("password", new ArgType.Text(100), true, "")), "", List.of(), null,
                null, null, new ActionSpec("shell", Map.of()), null);
        Invocation inv = new Invocation(login, Map.of("user", "alice", "password", "s3cr3t!"), "login alice s3cr3t!");

        assertThat(redactor.redact(inv.text(), inv)).isEqualTo("login alice ***");
    }

    @Test
    void everyBlockOfAReplyIsMasked() {
        Reply reply = Reply.builder().text("using hunter2").code("TOKEN=xoxb-123-secret").field("pw", "hunter2")
                .table(List.of("k"), List.of(List.of("hunter2"))).build();

        assertThat(redactor.redact(reply).plainText()).doesNotContain("hunter2", "xoxb").contains("***");
    }

    @Test
    void secretsFromAReloadedConfigAreMaskedAndEarlierOnesAreNeverForgotten() {
        Redactor redactor = Redactor.of(java.util.Set.of("old-token"));

        redactor.remember(java.util.Set.of("new-token"));

        assertThat(redactor.redact("old-token and new-token")).isEqualTo("*** and ***");
    }
}
