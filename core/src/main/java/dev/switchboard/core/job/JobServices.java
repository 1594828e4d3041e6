package dev.switchboard.core.job;

import dev.switchboard.api.audit.AuditLog;
import dev.switchboard.api.job.JobStore;
import dev.switchboard.core.chat.ChatGateway;
import dev.switchboard.core.command.ActiveCommands;
import java.time.Clock;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.UnaryOperator;

/** What every job of one {@link JobRunner} uses; built once by the runner. */
record JobServices(
        JobStore store, LockWaiter locks, AuditLog audit, ChatGateway gateway, ActiveCommands commands, Clock clock,
        JobSettings settings, ScheduledExecutorService scheduler, UnaryOperator<String> configRedactor) {}
