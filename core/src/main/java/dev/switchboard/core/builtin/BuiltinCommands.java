package dev.switchboard.core.builtin;

import dev.switchboard.api.alert.AlertDesk;
import dev.switchboard.api.audit.AuditStore;
import dev.switchboard.api.chat.AdapterHealth;
import dev.switchboard.api.identity.Principal;
import dev.switchboard.api.chat.ConversationRef;
import dev.switchboard.api.command.Invocation;
import dev.switchboard.api.policy.Decision;
import dev.switchboard.api.policy.Policy;
import dev.switchboard.api.pipeline.Exchange;
import dev.switchboard.api.reply.Reply;
import dev.switchboard.core.command.ActiveCommands;
import dev.switchboard.core.identity.UserDirectory;
import dev.switchboard.core.incident.IncidentCommands;
import dev.switchboard.core.job.Jobs;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * Answers the built-in commands in process. Called by the execute stage on the message's thread after the command
 * was parsed and authorised; thread-safe. Reads the command set in force on every call, so help follows reloads.
 * Storage failures propagate (the audit stage turns them into "something went wrong").
 */
public final class BuiltinCommands {
    /** What the alert commands answer on a server without an {@code alerts:} section. */
    public static final String ALERTS_OFF = "Alerts are not enabled here: add an alerts: section (see"
            + " docs/alerts-and-incidents.md)";

    private final ActiveCommands commands;
    private final Jobs jobs;
    private final AuditStore audit;
    private final JobAnswers jobAnswers;
    private final AuditAnswers auditAnswers;
    private final ExplainAnswer explainAnswer;
    private final ChatStatusAnswer chatStatus;
    private final String version;
    private final Policy policy;
    private final IncidentCommands incidents;
    private final AlertDesk alerts;

    /**
     * @param version the version {@code version} reports; null to read it from the jar manifest ("dev" outside a jar)
     */
    public BuiltinCommands(ActiveCommands commands, Jobs jobs, AuditStore audit, Clock clock, String version) {
        this(commands, jobs, audit, clock, version, new Policy() {
            @Override
            public Decision decide(Principal p, Invocation i, ConversationRef c) {
                throw new UnsupportedOperationException("help only asks what to show");
            }
        });
    }

    /** As above; {@code help} lists only the commands {@code policy} {@linkplain Policy#shows shows} the caller. */
    public BuiltinCommands(ActiveCommands commands, Jobs jobs, AuditStore audit, Clock clock, String version,
            Policy policy) {
        this(commands, jobs, audit, clock, version, policy, () -> UserDirectory.EMPTY);
    }

    /**
     * As above; {@code users} gives the directory in force (read on every call), which says who the admins are
     * that may {@code explain --user} for another user, and who that user is.
     */
    public BuiltinCommands(ActiveCommands commands, Jobs jobs, AuditStore audit, Clock clock, String version,
            Policy policy, Supplier<UserDirectory> users) {
        this(commands, jobs, audit, clock, version, policy, users, Map::of, UnaryOperator.identity());
    }

    /**
     * As above; {@code chatHealth} gives each chat platform's health by name, in the order to list them (read on
     * every {@code chat status}), and {@code redact} masks secrets in the adapters' last errors.
     */
    public BuiltinCommands(ActiveCommands commands, Jobs jobs, AuditStore audit, Clock clock, String version,
            Policy policy, Supplier<UserDirectory> users, Supplier<Map<String, AdapterHealth>> chatHealth,
            UnaryOperator<String> redact) {
        this(commands, jobs, audit, clock, version, policy, users, chatHealth, redact, null);
    }

    /** As above; {@code incidents} answers the incident commands, null when incidents are not enabled. */
    public BuiltinCommands(ActiveCommands commands, Jobs jobs, AuditStore audit, Clock clock, String version,
            Policy policy, Supplier<UserDirectory> users, Supplier<Map<String, AdapterHealth>> chatHealth,
            UnaryOperator<String> redact, IncidentCommands incidents) {
        this(commands, jobs, audit, clock, version, policy, users, chatHealth, redact, incidents, null);
    }

    /** As above; {@code alerts} answers the alert commands, null when alerts are not enabled. */
    public BuiltinCommands(ActiveCommands commands, Jobs jobs, AuditStore audit, Clock clock, String version,
            Policy policy, Supplier<UserDirectory> users, Supplier<Map<String, AdapterHealth>> chatHealth,
            UnaryOperator<String> redact, IncidentCommands incidents, AlertDesk alerts) {
        this.incidents = incidents;
        this.alerts = alerts;
        this.policy = Objects.requireNonNull(policy, "policy");
        this.commands = Objects.requireNonNull(commands, "commands");
        this.jobs = Objects.requireNonNull(jobs, "jobs");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.jobAnswers = new JobAnswers(jobs, Objects.requireNonNull(clock, "clock"));
        this.auditAnswers = new AuditAnswers(audit, clock);
        this.explainAnswer = new ExplainAnswer(commands, policy, Objects.requireNonNull(users, "users"));
        this.chatStatus = new ChatStatusAnswer(Objects.requireNonNull(chatHealth, "chatHealth"), users,
                Objects.requireNonNull(redact, "redact"), clock);
        this.version = version != null ? version : manifestVersion();
    }

    /** The reply to a parsed, authorised built-in command; never null. */
    public Reply answer(Exchange exchange) {
        Principal principal = exchange.principal();
        Map<String, String> args = exchange.invocation().args();
        String name = Builtins.name(exchange.invocation().command());
        return switch (name) {
            case "help" -> HelpAnswer.answer(commands.current().commands().stream()
                    .filter(c -> policy.shows(principal, c.id())).toList(), args.get("command"),
                    id -> policy.mayNeedApproval(principal, id));
            case "explain" -> explainAnswer.answer(args.get("request"), args.get("user"), principal,
                    exchange.message().conversation());
            case "whoami" -> whoami(principal, exchange.message().user().key(), exchange.message().user().verified());
            case "jobs" -> jobAnswers.list(args.getOrDefault("filter", "recent"), principal);
            case "job" -> jobAnswers.show(Long.parseLong(args.get("id")));
            case "cancel" -> cancel(Long.parseLong(args.get("id")), principal);
            case "ping" -> Reply.text("pong");
            case "version" -> Reply.text("Switchboard " + version);
            case "audit" -> args.containsKey("n") ? auditAnswers.last(Integer.parseInt(args.get("n")), principal)
                    : auditAnswers.search(args.get("filters"), principal);
            case "chat.status" -> chatStatus.answer(principal);
            case String n when IncidentCommands.NAMES.contains(n) -> incidents != null ? incidents.answer(n, exchange)
                    : Reply.text("Incidents are not enabled on this server.");
            case "alerts", "ack", "silence", "unsilence", "escalate" -> alert(name, args.getOrDefault("request", ""),
                    exchange);
            default -> Reply.text("The built-in command " + name + " is not available in this version.");
        };
    }

    private Reply alert(String name, String request, Exchange exchange) {
        if (alerts == null) {
            return Reply.text(ALERTS_OFF);
        }
        AlertDesk.Asker asker = new AlertDesk.Asker(exchange.principal().id(), exchange.message().user().key(),
                exchange.correlationId(), exchange.message().conversation());
        return switch (name) {
            case "ack" -> alerts.ack(request, asker);
            case "silence" -> alerts.silence(request, asker);
            case "unsilence" -> alerts.unsilence(request, asker);
            case "escalate" -> alerts.escalate(request, asker);
            default -> alerts.alerts(request, asker);
        };
    }

    private static Reply whoami(Principal principal, String account, boolean verified) {
        if (!principal.known() && !verified) {
            return Reply.builder()
                    .text("Your platform does not vouch for " + account + " (anyone could use that name), so you have"
                            + " guest rights only, even if it is listed under a user. Identify with the platform"
                            + " (NickServ or SASL on IRC) or use a platform that verifies you, such as the web chat.")
                    .field("Account", account)
                    .field("Verified", "no")
                    .build();
        }
        if (!principal.known()) {
            return Reply.builder()
                    .text("You are not linked to a Switchboard user, so you have guest rights only. To get linked, "
                            + "ask an admin to add " + account + " to the accounts of your user in the users: section.")
                    .field("Account", account)
                    .field("Verified", verified ? "yes" : "no")
                    .build();
        }
        List<String> groups = new ArrayList<>(principal.groups());
        groups.sort(null);
        return Reply.builder()
                .field("User", principal.id())
                .field("Groups", groups.isEmpty() ? "(none)" : String.join(", ", groups))
                .field("Account", account)
                .field("Verified", verified ? "yes" : "no, the platform does not vouch for this account")
                .build();
    }

    private Reply cancel(long id, Principal by) {
        return switch (jobs.cancel(id, by)) {
            case Jobs.CancelResult.Cancelled c -> Reply.text("Cancelled job " + c.jobId() + ".");
            case Jobs.CancelResult.NotFound n -> Reply.text("There is no job " + n.jobId() + ".");
            case Jobs.CancelResult.AlreadyFinished f -> Reply.text("Job " + f.jobId() + " already finished ("
                    + f.state() + "); there is nothing to cancel.");
            case Jobs.CancelResult.NotAllowed n -> Reply.text("You may not cancel job " + n.jobId() + ": "
                    + n.reason() + ".");
        };
    }

    private static String manifestVersion() {
        String v = BuiltinCommands.class.getPackage().getImplementationVersion();
        return v == null || v.isBlank() ? "dev" : v;
    }
}
