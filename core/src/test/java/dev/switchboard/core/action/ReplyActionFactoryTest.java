package dev.switchboard.core.action;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.api.action.ActionFactory.Configured;
import dev.switchboard.api.action.ActionFactory.Problem;
import dev.switchboard.api.action.ActionRequest;
import dev.switchboard.api.action.ActionResult;
import dev.switchboard.api.chat.ConversationRef;
import dev.switchboard.api.command.ActionSpec;
import dev.switchboard.api.command.ArgSpec;
import dev.switchboard.api.command.ArgType;
import dev.switchboard.api.command.CommandSpec;
import dev.switchboard.api.command.Invocation;
import dev.switchboard.api.identity.Principal;
import dev.switchboard.api.reply.Reply;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ReplyActionFactoryTest {
    private final ReplyActionFactory factory = new ReplyActionFactory();

    private static CommandSpec command(Map<String, Object> settings) {
        return new CommandSpec("runbook", List.of("runbook {service} {token=none}"),
                Map.of("token", new ArgSpec("token", new ArgType.Text(100), true, "")), "", List.of(), null, null,
                Duration.ofSeconds(5), new ActionSpec("reply", settings), null);
    }

    private Configured configure(Map<String, Object> settings) {
        CommandSpec command = command(settings);
        return factory.configure(command.action(), command);
    }

    @Test
    void answersWithTheTextFilledFromTheArgumentsAndSecretsMasked() throws Exception {
        Map<String, Object> settings = Map.of("text", "Runbook for {service} (token {token}): wiki/{service}");
        Configured configured = configure(settings);

        assertThat(factory.kind()).isEqualTo("reply");
        assertThat(configured).isInstanceOf(Configured.Ready.class);
        Invocation invocation = new Invocation(command(settings), Map.of("service", "web", "token", "abc123"),
                "runbook web abc123");
        ActionResult result = ((Configured.Ready) configured).action().run(new ActionRequest(1, invocation,
                new Principal("alice", Set.of(), true, true), ConversationRef.of("web", "#ops")), null);

        assertThat(result).isEqualTo(ActionResult.ok(Reply.text("Runbook for web (token ***): wiki/web")));
    }

    @Test
    void aMissingTextIsAProblemThatSaysWhatIsExpected() {
        assertThat(configure(Map.of())).isEqualTo(new Configured.Rejected(List.of(new Problem("text",
                "required: the text to answer with, e.g. \"deployed {service}\""))));
    }

    @Test
    void aTemplateNamingAnArgumentTheCommandLacksIsAProblemOnText() {
        assertThat(configure(Map.of("text", "deploying {servce}"))).isEqualTo(new Configured.Rejected(List.of(
                new Problem("text", "{servce} is not an argument of runbook; expected one of service, token"))));
    }

    @Test
    void brokenBracesAndUnknownSettingsAreProblems() {
        Configured configured = configure(Map.of("text", "oops {service", "colour", "red"));

        assertThat(configured).isInstanceOfSatisfying(Configured.Rejected.class, r -> assertThat(r.problems())
                .extracting(Problem::setting).containsExactlyInAnyOrder("text", "colour"));
    }

    @Test
    void aTextThatIsNotAStringIsAProblem() {
        assertThat(configure(Map.of("text", List.of("a")))).isEqualTo(new Configured.Rejected(List.of(
                new Problem("text", "expected a string, got a list"))));
    }
}
