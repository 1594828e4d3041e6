package dev.switchboard.core.builtin;

import dev.switchboard.api.command.ActionSpec;
import dev.switchboard.api.command.ArgSpec;
import dev.switchboard.api.command.ArgType;
import dev.switchboard.api.command.CommandSpec;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The declarations of the built-in commands, and which of them only read. Add {@link #specs()} to every command set
 * so the parser knows them; the execute stage answers them through {@link BuiltinCommands}.
 */
public final class Builtins {
    /** The action kind prefix of built-ins: {@code builtin.help}. */
    public static final String KIND_PREFIX = "builtin.";

    /** Built-ins that change nothing, and so still run while the audit log cannot be written. */
    public static final Set<String> READ_ONLY = Set.of("help", "whoami", "ping", "version", "jobs", "job", "audit",
            "explain", "approvals", "chat.status", "incidents", "incident.postmortem", "alerts");

    private static final ArgSpec JOB_ID = new ArgSpec("id", new ArgType.Int(1, Long.MAX_VALUE), false, "a job number");

    private static final ArgSpec CODE = new ArgSpec("code", new ArgType.PatternType(Pattern.compile("[0-9]{4}")),
            false,             "the 4-digit code of the confirmation");
    private static final ArgSpec REQUEST_ID = new ArgSpec("id", new ArgType.PatternType(Pattern.compile("[a-z0-9]{6}")),
            false,             "the 6-character id of an approval request");

    private static final ArgSpec INCIDENT_REQUEST = new ArgSpec("request", new ArgType.Text(2000), false,
            "an optional incident id (INC-3), then the sub-command's arguments");

    private static final ArgSpec ALERT_REQUEST = new ArgSpec("request", new ArgType.Text(2000), false,
            "what to act on: group <id>, a group id or an alert's fingerprint, then the command's arguments");

    private static final List<CommandSpec> SPECS = List.of(
            spec("help", List.of("help", "help {command...}"),
                    Map.of("command", new ArgSpec("command", new ArgType.Text(200), false, "a command's id or first word")),
                    "Show what I can do, or how one command is used", List.of("help", "help jobs")),
            spec("whoami", List.of("whoami"), Map.of(), "Show who I think you are and your groups", List.of("whoami")),
            spec("explain", List.of("explain --user {user} {request...}", "explain {request...}"),
                    Map.of("request", new ArgSpec("request", new ArgType.Text(4000), false,
                                    "a command as you would type it"),
                            "user", new ArgSpec("user", new ArgType.Text(100), false,
                                    "explain for this user instead (admins only)")),
                    "Explain whether you may run a command here, and which rule decides",
                    List.of("explain ping", "explain --user bob ping")),
            spec("jobs", List.of("jobs", "jobs {filter}"),
                    Map.of("filter", new ArgSpec("filter", new ArgType.Enum(List.of("mine", "running", "recent")), false,
                            "which jobs to list")),
                    "List recent jobs, yours, or the running ones", List.of("jobs", "jobs mine", "jobs running")),
            spec("job", List.of("job {id}"), Map.of("id", JOB_ID), "Show one job with its output", List.of("job 12")),
            spec("cancel", List.of("cancel {id}"), Map.of("id", JOB_ID), "Cancel a queued or running job",
                    List.of("cancel 12")),
            spec("yes", List.of("yes {code}"), Map.of("code", CODE), "Confirm a command you asked for",
                    List.of("yes 4821")),
            spec("no", List.of("no {code}"), Map.of("code", CODE), "Call off a command waiting for your confirmation",
                    List.of("no 4821")),
            spec("approve", List.of("approve {id}"), Map.of("id", REQUEST_ID),
                    "Approve someone else's request that waits for approval", List.of("approve k3x9pa")),
            spec("deny", List.of("deny {id}", "deny {id} {reason...}"), Map.of("id", REQUEST_ID, "reason",
                            new ArgSpec("reason", new ArgType.Text(400), false, "why, for the requester")),
                    "Deny a request that waits for approval (or withdraw your own)",
                    List.of("deny k3x9pa", "deny k3x9pa not during the freeze")),
            spec("approvals", List.of("approvals"), Map.of(),
                    "List the requests waiting for your approval, and your own", List.of("approvals")),
            spec("ping", List.of("ping"), Map.of(), "Check that I am listening", List.of("ping")),
            spec("version", List.of("version"), Map.of(), "Show which Switchboard version is running",
                    List.of("version")),
            spec("audit", List.of("audit last {n}", "audit {filters...}"),
                    Map.of("n", new ArgSpec("n", new ArgType.Int(1, 100), false, "how many events"),
                            "filters", new ArgSpec("filters", new ArgType.Text(400), false,
                                    "user:ID command:PATTERN since:DURATION type:TYPE limit:N")),
                    "Show the newest audit events, or search them",
                    List.of("audit last 20", "audit user:alice command:deploy.* since:24h")),
            spec("chat.status", List.of("chat status"), Map.of(),
                    "Show each chat platform's connection state and last error (admins only)",
                    List.of("chat status")),
            spec("incidents", List.of("incidents"), Map.of(), "List the open incidents", List.of("incidents")),
            incident("declare", true, "Declare an incident here: severity sev1..sev4 (default sev3), then a title;"
                    + " end with from group <id> or from alert <fingerprint> to link those alerts",
                    "incident declare sev2 checkout is down"),
            incident("role", true, "Give an incident role (commander, comms, scribe) to someone",
                    "incident role comms @bob"),
            incident("status", true, "Set an incident's status: investigating, identified or monitoring",
                    "incident status identified bad config push"),
            incident("note", true, "Add a note to an incident's timeline (start with follow-up: for the postmortem)",
                    "incident note INC-3 rolled back"),
            incident("sev", true, "Change an incident's severity", "incident sev sev1"),
            incident("link", true, "Link an alert, an alert group or a job to an incident (alert <fingerprint>,"
                    + " group <id>, job <n>)", "incident link job 12"),
            incident("resolve", false, "Resolve an incident, with an optional summary",
                    "incident resolve config rolled back"),
            incident("postmortem", false, "Write up an incident as a Markdown postmortem, posted as a file",
                    "incident postmortem INC-3"),
            spec("alerts", List.of("alerts", "alerts {request...}"), Map.of("request", new ArgSpec("request",
                            new ArgType.Text(2000), false, "firing, resolved, all, mine, name=value filters,"
                                    + " or group <id> [page <n>]")),
                    "List alerts (firing by default, or the ones you acked), or every alert of one group",
                    List.of("alerts", "alerts firing cluster=eu-1", "alerts mine", "alerts group k3x9pa page 2")),
            spec("ack", List.of("ack {request...}"), Map.of("request", ALERT_REQUEST),
                    "Take an alert or a whole alert group: its message shows you acked it",
                    List.of("ack group k3x9pa", "ack 10fd2ebfb5d5241b")),
            spec("silence", List.of("silence {request...}"), Map.of("request", ALERT_REQUEST),
                    "Silence an alert, a group or matching alerts in Alertmanager for a while (at most 7d),"
                            + " saying why",
                    List.of("silence group k3x9pa for 2h deploy in progress",
                            "silence alertname=KubePodCrashLooping cluster=~\"eu-.*\" for 30m")),
            spec("unsilence", List.of("unsilence {request...}"), Map.of("request", new ArgSpec("request",
                            new ArgType.Text(200), false, "the silence id from the reply to silence")),
                    "Lift a silence now, so its alerts notify again",
                    List.of("unsilence 4f1c2d3e-5a6b-47c8-9d0e-1f2a3b4c5d6e")),
            spec("escalate", List.of("escalate {request...}"), Map.of("request", ALERT_REQUEST),
                    "Page the on-call through PagerDuty or Opsgenie about an alert or a group (once per group)",
                    List.of("escalate group k3x9pa", "escalate group k3x9pa opsgenie")));

    private Builtins() {}

    /** Every built-in command, in the order help lists them. */
    public static List<CommandSpec> specs() {
        return SPECS;
    }

    /** Whether the command is answered in process by {@link BuiltinCommands}. */
    public static boolean isBuiltin(CommandSpec command) {
        return command.action().kind().startsWith(KIND_PREFIX);
    }

    /** Whether the command is a built-in that changes nothing. */
    public static boolean isReadOnly(CommandSpec command) {
        return isBuiltin(command) && READ_ONLY.contains(name(command));
    }

    /** The built-in's name: {@code help} for kind {@code builtin.help}. */
    public static String name(CommandSpec command) {
        return command.action().kind().substring(KIND_PREFIX.length());
    }

    /**
     * An {@code incident <sub>} command; its arguments are parsed by the incident commands, which take an optional
     * leading incident id. {@code required} says whether anything must follow the sub-command.
     */
    private static CommandSpec incident(String sub, boolean required, String help, String example) {
        String head = "incident " + sub;
        List<String> templates = required ? List.of(head + " {request...}") : List.of(head, head + " {request...}");
        return spec("incident." + sub, templates, Map.of("request", INCIDENT_REQUEST), help, List.of(example));
    }

    private static CommandSpec spec(String name, List<String> templates, Map<String, ArgSpec> args, String help,
            List<String> examples) {
        return new CommandSpec(name, templates, args, help, examples, null, null, Duration.ofSeconds(10),
                new ActionSpec(KIND_PREFIX + name, Map.of()), "built-in");
    }
}
