package dev.switchboard.core.pipeline;

import dev.switchboard.api.command.CommandSpec;
import dev.switchboard.api.pipeline.Exchange;
import dev.switchboard.api.pipeline.Outcome;
import dev.switchboard.api.pipeline.Stage;
import dev.switchboard.core.approval.ApprovalCommands;
import dev.switchboard.core.builtin.BuiltinCommands;
import dev.switchboard.core.builtin.Builtins;
import dev.switchboard.core.job.Jobs;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last stage: answers read-only built-ins in process and hands every other command to {@link Jobs#run}. It
 * never calls {@code proceed}. When the {@code received} event could not be audited, only read-only built-ins run;
 * everything else is denied (audit before action).
 */
public final class ExecuteStage implements Stage {
    private static final Logger log = LoggerFactory.getLogger(ExecuteStage.class);

    private final BuiltinCommands builtins;
    private final ApprovalCommands approvals;
    private final Jobs jobs;

    public ExecuteStage(BuiltinCommands builtins, ApprovalCommands approvals, Jobs jobs) {
        this.builtins = Objects.requireNonNull(builtins, "builtins");
        this.approvals = Objects.requireNonNull(approvals, "approvals");
        this.jobs = Objects.requireNonNull(jobs, "jobs");
    }

    @Override
    public Outcome apply(Exchange exchange, Chain chain) {
        if (exchange.invocation() == null || exchange.principal() == null) {
            log.error("bug: execute reached without an identified, parsed command [{}]", exchange.correlationId());
            return new Outcome.Failed("something went wrong", exchange.correlationId());
        }
        CommandSpec command = exchange.invocation().command();
        if (!exchange.audited() && !Builtins.isReadOnly(command)) {
            return new Outcome.Denied("the audit log cannot be written right now, so Switchboard will not run "
                    + command.id() + "; read-only commands such as help still work", "audit before action",
                    exchange.correlationId());
        }
        if (Builtins.isBuiltin(command) && ApprovalCommands.NAMES.contains(Builtins.name(command))) {
            return approvals.answer(Builtins.name(command), exchange);
        }
        if (Builtins.isBuiltin(command)) {
            return new Outcome.Replied(builtins.answer(exchange));
        }
        return jobs.run(exchange);
    }
}
