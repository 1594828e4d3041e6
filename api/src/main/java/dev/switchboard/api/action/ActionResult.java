package dev.switchboard.api.action;

import dev.switchboard.api.reply.Reply;

/**
 * What an action produced. Whether a job timed out or was cancelled is decided by the job runner, not here.
 * Texts are user-safe: no secrets, no stack traces.
 */
public sealed interface ActionResult {

    static ActionResult ok(Reply reply) {
        return new Succeeded(reply, null);
    }

    static ActionResult failed(String reason) {
        return new Failed(reason, null);
    }

    /** The work succeeded; {@code reply} is what to show (may be null: the output tail is shown instead). */
    record Succeeded(Reply reply, Integer exitCode) implements ActionResult {}

    /** The work failed in a way the user should hear about: non-zero exit, HTTP error, target down. */
    record Failed(String reason, Integer exitCode) implements ActionResult {}
}
