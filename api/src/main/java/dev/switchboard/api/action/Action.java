package dev.switchboard.api.action;

/**
 * One configured piece of work, ready to run. Built once per command at load time; {@link #run} is called once per
 * job, on the job's own virtual thread, possibly for many jobs at once.
 *
 * <p>Contract: report output through {@link JobContext#output}; stop promptly when {@link JobContext#cancelled()}
 * turns true or the thread is interrupted (cancel and timeout do both); return a result rather than throw for
 * anything the user should see (a non-zero exit, an HTTP 500). Arguments reach the work as argv entries or encoded
 * request fields, never through a shell string. Never put secrets into results or output.
 */
@FunctionalInterface
public interface Action {
    ActionResult run(ActionRequest request, JobContext context) throws InterruptedException;
}
