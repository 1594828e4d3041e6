package dev.switchboard.plugin.http;

import dev.switchboard.testkit.RecordingJobContext;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.api.action.Action;
import dev.switchboard.api.action.ActionFactory.Configured;
import dev.switchboard.api.action.ActionResult;
import dev.switchboard.api.command.CommandSpec;
import java.util.Map;

/** Configures an http action for a one-template command and runs it, as the job runner would. */
final class Actions {
    private Actions() {}

    static ActionResult run(String template, Map<String, Object> settings, Map<String, String> args,
            RecordingJobContext context) throws InterruptedException {
        CommandSpec command = Requests.command(template, settings);
        return action(command).run(Requests.request(command, args), context);
    }

    static Action action(CommandSpec command) {
        Configured configured = new HttpActionFactory().configure(command.action(), command);
        assertThat(configured).isInstanceOf(Configured.Ready.class);
        return ((Configured.Ready) configured).action();
    }

    /** The user-visible text of a result: the reply or the failure reason. */
    static String text(ActionResult result) {
        return switch (result) {
            case ActionResult.Succeeded s -> s.reply() == null ? "" : s.reply().plainText();
            case ActionResult.Failed f -> f.reason();
        };
    }
}
