package dev.switchboard.testkit;

import dev.switchboard.api.alert.AlertDesk;
import dev.switchboard.api.action.Action;
import dev.switchboard.api.audit.AuditStore;
import dev.switchboard.api.chat.AdapterHealth;
import dev.switchboard.api.command.CommandParser;
import dev.switchboard.api.command.CommandSpec;
import dev.switchboard.api.incident.IncidentStore;
import dev.switchboard.api.job.JobStore;
import dev.switchboard.api.job.LockStore;
import dev.switchboard.api.pipeline.Stage;
import dev.switchboard.api.pipeline.StageSlot;
import dev.switchboard.api.policy.Policy;
import dev.switchboard.api.approval.PendingStore;
import dev.switchboard.core.approval.ApprovalSettings;
import dev.switchboard.core.audit.InMemoryAuditStore;
import dev.switchboard.core.job.InMemoryJobStore;
import dev.switchboard.core.job.InMemoryLockStore;
import dev.switchboard.core.job.JobSettings;
import dev.switchboard.core.job.Jobs;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

/** Configures a {@link ChatTestHarness}; start with {@link ChatTestHarness#builder()}. Not thread-safe. */
public final class HarnessBuilder {
    Function<List<CommandSpec>, CommandParser> parser = ChatTestHarness::compile;
    Function<ChatTestHarness.Parts, Jobs> jobs;
    JobSettings jobSettings = ChatTestHarness.DEFAULT_JOB_SETTINGS;
    JobStore jobStore;
    LockStore lockStore;
    Function<CommandSpec, Action> actions = ChatTestHarness::replyAction;
    Policy policy = ChatTestHarness.openPolicy();
    Set<String> secrets = Set.of();
    Set<String> adminGroups = Set.of();
    List<java.util.regex.Pattern> patterns = List.of();
    AuditStore auditStore;
    PendingStore pending;
    ApprovalSettings approvals = ApprovalSettings.DEFAULTS;
    long seed = 7;
    FakeChatAdapter adapter;
    String version = "test";
    Supplier<Map<String, AdapterHealth>> chatHealth = Map::of;
    IncidentStore incidents;
    String incidentAnnounce;
    String incidentRoomPrefix;
    AlertDesk alerts;
    final List<CommandSpec> commands = new ArrayList<>();
    final List<Map.Entry<StageSlot, Stage>> stages = new ArrayList<>();

    HarnessBuilder() {}

    /** Builds the parser for a list of commands (built-ins included); called again whenever commands change. */
    public HarnessBuilder parser(Function<List<CommandSpec>, CommandParser> v) { parser = v; return this; }
    /** Builds the job runner from the harness's parts, instead of the real one. */
    public HarnessBuilder jobs(Function<ChatTestHarness.Parts, Jobs> v) { jobs = v; return this; }
    /** Settings of the real job runner (default {@link ChatTestHarness#DEFAULT_JOB_SETTINGS}). */
    public HarnessBuilder jobSettings(JobSettings v) { jobSettings = v; return this; }
    /** The real job runner's job store (default: a fresh {@link InMemoryJobStore}); share one to restart. */
    public HarnessBuilder jobStore(JobStore v) { jobStore = v; return this; }
    /** The real job runner's lock store (default: a fresh {@link InMemoryLockStore}); share one to restart. */
    public HarnessBuilder lockStore(LockStore v) { lockStore = v; return this; }
    /** Builds the ready action of each declared command; null leaves a command without one. */
    public HarnessBuilder actions(Function<CommandSpec, Action> v) { actions = v; return this; }
    public HarnessBuilder policy(Policy v) { policy = v; return this; }
    public HarnessBuilder secrets(Set<String> v) { secrets = Set.copyOf(v); return this; }
    /** The groups whose members are admins ({@code admins.groups}); none by default. */
    public HarnessBuilder admins(String... groups) { adminGroups = Set.of(groups); return this; }
    /** Configured redaction patterns ({@code security.redact}), masked besides the built-in ones. */
    public HarnessBuilder patterns(List<java.util.regex.Pattern> v) { patterns = List.copyOf(v); return this; }
    /** The audit store (default: a fresh {@link InMemoryAuditStore}); e.g. a failing one. */
    public HarnessBuilder auditStore(AuditStore v) { auditStore = v; return this; }
    /** The chat platform (default: a fresh {@link FakeChatAdapter}); share one to restart in the same room. */
    public HarnessBuilder adapter(FakeChatAdapter v) { adapter = v; return this; }
    public HarnessBuilder version(String v) { version = v; return this; }
    /** Each chat platform's health by name, for {@code chat status} (default: none). */
    public HarnessBuilder chatHealth(Supplier<Map<String, AdapterHealth>> v) {
        chatHealth = v;
        return this;
    }
    /** Where confirmations and approvals wait (default: a fresh in-memory store); share one to restart. */
    public HarnessBuilder pending(PendingStore v) { pending = v; return this; }
    /**
     * Enables the incident commands over {@code store} (share one to restart), announcing in conversation
     * {@code announce} of the harness's platform ({@code #incidents}, say; null for nowhere). Off by default.
     */
    public HarnessBuilder incidents(IncidentStore store, String announce) {
        incidents = store;
        incidentAnnounce = announce;
        return this;
    }
    /**
     * Gives declared incidents a room on the harness's platform named {@code <prefix><n>-<title>}; the
     * adapter must offer rooms ({@link FakeChatAdapter#withRooms}) for them to be created. Off by default.
     */
    public HarnessBuilder incidentRooms(String prefix) {
        incidentRoomPrefix = prefix;
        return this;
    }
    /** The alert desk behind the alert commands and incident links to alerts (default: alerts are off). */
    public HarnessBuilder alerts(AlertDesk v) { alerts = v; return this; }
    /** Confirmation TTL and break-glass groups (default {@link ApprovalSettings#DEFAULTS}). */
    public HarnessBuilder approvals(ApprovalSettings v) { approvals = v; return this; }
    /** Seeds the confirmation codes and approval ids, so transcripts are repeatable (default 7). */
    public HarnessBuilder seed(long v) { seed = v; return this; }
    public HarnessBuilder command(CommandSpec v) { commands.add(v); return this; }
    public HarnessBuilder command(Commands.Builder v) { return command(v.build()); }
    public HarnessBuilder stage(StageSlot slot, Stage stage) { stages.add(Map.entry(slot, stage)); return this; }

    public ChatTestHarness build() {
        return new ChatTestHarness(this);
    }
}
