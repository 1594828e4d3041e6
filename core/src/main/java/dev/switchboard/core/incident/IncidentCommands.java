package dev.switchboard.core.incident;

import dev.switchboard.api.alert.AlertDesk;
import dev.switchboard.api.chat.ConversationRef;
import dev.switchboard.api.incident.Incident;
import dev.switchboard.api.incident.Incident.Role;
import dev.switchboard.api.incident.Incident.Severity;
import dev.switchboard.api.incident.Incident.Status;
import dev.switchboard.api.incident.TimelineEntry;
import dev.switchboard.api.job.JobRecord;
import dev.switchboard.api.pipeline.Exchange;
import dev.switchboard.api.reply.Block;
import dev.switchboard.api.reply.Reply;
import dev.switchboard.core.job.Jobs;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The built-in incident commands, answered in process: {@code incident declare [sev1..sev4] [--commander @user]
 * <title> [from group <id> | from alert <fingerprint>]} (the title may be quoted; declared from alerts, every alert
 * of the set is linked, and an unknown set declares nothing), {@code incident role <commander|comms|scribe> @user},
 * {@code incident status <investigating|identified|monitoring> [message]}, {@code incident note <text>},
 * {@code incident sev <1-4>}, {@code incident link alert <fingerprint> | group <id> | job <n>} (checked to exist
 * first), {@code incident resolve [summary]}, {@code incident postmortem [id]} (posted as a Markdown file) and
 * {@code incidents}.
 *
 * <p>Which incident a command applies to: an explicit id right after the sub-command wins ({@code incident note
 * INC-3 rolled back}); without one, the open incident declared in this conversation (threads included). When none
 * or several are open here, the answer says so and asks for an id. Thread-safe.
 */
public final class IncidentCommands {
    /** The built-in names answered here. */
    public static final Set<String> NAMES = Set.of("incidents", "incident.declare", "incident.role",
            "incident.status", "incident.note", "incident.sev", "incident.link", "incident.resolve",
            "incident.postmortem");

    private static final Pattern ID = Pattern.compile("(?i)INC-[0-9]{1,18}");
    private static final Pattern USER = Pattern.compile("@?[A-Za-z0-9][A-Za-z0-9._:-]{0,99}");
    private static final Pattern SEVERITY_LIKE = Pattern.compile("(?i)sev\\S*");
    private static final String SEVERITIES = "sev1, sev2, sev3 or sev4";
    private static final Pattern FROM = Pattern.compile("(?i)(?:^|\\s+)from\\s+(group|alert)\\s+(\\S+)\\s*$");
    private static final String LINK_USAGE = "Expected incident link alert <fingerprint>, incident link group <id> or"
            + " incident link job <number>, as in: ";

    private final Incidents incidents;
    private final AlertDesk desk;
    private final Jobs jobs;

    /**
     * @param desk where alerts and alert groups are looked up; null when alerts are not enabled
     * @param jobs where linked jobs are looked up
     */
    public IncidentCommands(Incidents incidents, AlertDesk desk, Jobs jobs) {
        this.incidents = Objects.requireNonNull(incidents, "incidents");
        this.desk = desk;
        this.jobs = Objects.requireNonNull(jobs, "jobs");
    }

    /** The reply to one of {@link #NAMES}; never null. */
    public Reply answer(String name, Exchange ex) {
        String request = ex.invocation().args().getOrDefault("request", "").strip();
        Incidents.Actor by = new Incidents.Actor(ex.principal().id(), ex.message().user().key(), ex.correlationId());
        ConversationRef here = ex.message().conversation();
        return switch (name) {
            case "incidents" -> list();
            case "incident.declare" -> declare(request, here, by);
            case "incident.postmortem" -> postmortem(request, here);
            default -> onTarget(name, request, here, by);
        };
    }

    private Reply declare(String request, ConversationRef here, Incidents.Actor by) {
        AlertDesk.AlertSet from = null;
        Matcher source = FROM.matcher(request);
        if (source.find()) {
            boolean group = source.group(1).equalsIgnoreCase("group");
            String ref = source.group(2);
            if (desk == null) {
                return Reply.text("Alerts are not enabled on this server, so there is no " + (group ? "alert group "
                        : "alert ") + ref + " to declare from; no incident was declared. Declare it without"
                        + " \"from ...\", as in: incident declare sev2 checkout is down");
            }
            Optional<AlertDesk.AlertSet> found = desk.find(group ? "group " + ref : ref);
            if (found.isEmpty()) {
                return Reply.text("There is no " + (group ? "alert group " : "alert with fingerprint ") + ref
                        + "; no incident was declared. Type alerts to see the firing ones.");
            }
            from = found.get();
            request = request.substring(0, source.start()).strip();
        }
        List<String> words = new ArrayList<>(request.isEmpty() ? List.of() : List.of(request.split("\\s+")));
        Severity severity = Severity.SEV3;
        if (!words.isEmpty() && SEVERITY_LIKE.matcher(words.getFirst()).matches()) {
            Optional<Severity> parsed = Severity.parse(words.getFirst());
            if (parsed.isEmpty()) {
                return Reply.text("Unknown severity " + words.getFirst() + "; expected " + SEVERITIES
                        + ", as in: incident declare sev2 checkout is down");
            }
            severity = parsed.get();
            words.removeFirst();
        }
        String commander = null;
        if (words.size() >= 2 && words.getFirst().equals("--commander")) {
            if (!USER.matcher(words.get(1)).matches()) {
                return Reply.text(words.get(1) + " is not a user name; expected --commander @user");
            }
            commander = strip(words.get(1));
            words.subList(0, 2).clear();
        }
        String title = unquoted(String.join(" ", words).strip());
        if (title.isEmpty() && from != null) {
            title = from.title();
        }
        if (title.isEmpty()) {
            return Reply.text("An incident needs a title, as in: incident declare sev2 checkout is down");
        }
        Incidents.Declaration declared = incidents.declare(title, severity, commander, here, by, from);
        Incident incident = declared.incident();
        StringBuilder text = new StringBuilder("Declared " + incident.id() + " (" + severity.wireName() + "): "
                + incident.title() + ". Commander: " + incident.commander() + ".");
        if (from != null) {
            text.append(" Linked ").append(count(declared.alertsLinked(), "alert")).append(" of ").append(from.ref())
                    .append('.');
        }
        switch (declared.room()) {
            case Incidents.Room.None none -> text.append(" Commands run here go on its timeline.");
            case Incidents.Room.Opened opened -> {
                text.append(" Room: ").append(opened.room()).append("; commands run there or here go on its"
                        + " timeline.");
                if (!opened.notInvited().isEmpty()) {
                    text.append(" Not invited: ").append(String.join(", ", opened.notInvited())).append('.');
                }
            }
            case Incidents.Room.Failed failed -> text.append(" The incident room could not be created (")
                    .append(failed.reason()).append("); commands run here go on its timeline.");
        }
        return Reply.text(text.toString());
    }

    private Reply onTarget(String name, String request, ConversationRef here, Incidents.Actor by) {
        List<String> words = new ArrayList<>(request.isEmpty() ? List.of() : List.of(request.split("\\s+")));
        String id;
        if (!words.isEmpty() && ID.matcher(words.getFirst()).matches()) {
            id = words.removeFirst().toUpperCase(java.util.Locale.ROOT);
        } else {
            List<Incident> open = incidents.openIn(here);
            if (open.size() != 1) {
                return Reply.text(open.isEmpty() ? "There is no open incident declared here; name one, as in: "
                        + example(name) : "Several incidents are open here (" + ids(open) + "); name one, as in: "
                        + example(name));
            }
            id = open.getFirst().id();
        }
        String rest = String.join(" ", words);
        return switch (name) {
            case "incident.role" -> role(id, words, by);
            case "incident.status" -> status(id, words, by);
            case "incident.note" -> rest.isBlank() ? Reply.text("A note needs text, as in: " + example(name))
                    : said(incidents.note(id, rest, by), "Noted on " + id + ".");
            case "incident.sev" -> severity(id, words, by);
            case "incident.link" -> link(id, words, by);
            case "incident.resolve" -> said(incidents.resolve(id, rest, by), "Resolved " + id + "."
                    + " Type incident postmortem " + id + " for the write-up.");
            default -> Reply.text("The built-in command " + name + " is not available in this version.");
        };
    }

    private Reply role(String id, List<String> words, Incidents.Actor by) {
        Optional<Role> role = words.isEmpty() ? Optional.empty() : Role.parse(words.getFirst());
        if (words.size() != 2 || role.isEmpty() || !USER.matcher(words.get(1)).matches()) {
            return Reply.text("Expected incident role <commander|comms|scribe> @user, as in: "
                    + example("incident.role"));
        }
        String user = strip(words.get(1));
        return said(incidents.assign(id, role.get(), user, by), user + " is now " + role.get().wireName() + " of "
                + id + ".");
    }

    private Reply status(String id, List<String> words, Incidents.Actor by) {
        Optional<Status> status = words.isEmpty() ? Optional.empty() : Status.parse(words.getFirst());
        if (status.isEmpty() || status.get() == Status.DECLARED || status.get() == Status.RESOLVED) {
            return Reply.text((words.isEmpty() ? "A status is missing" : "Unknown status " + words.getFirst())
                    + "; expected investigating, identified or monitoring (resolve with incident resolve), as in: "
                    + example("incident.status"));
        }
        String message = String.join(" ", words.subList(1, words.size()));
        return said(incidents.status(id, status.get(), message, by), id + " is now " + status.get().wireName() + ".");
    }

    private Reply severity(String id, List<String> words, Incidents.Actor by) {
        Optional<Severity> severity = words.size() == 1 ? Severity.parse(words.getFirst()) : Optional.empty();
        if (severity.isEmpty()) {
            return Reply.text((words.isEmpty() ? "A severity is missing" : "Unknown severity "
                    + String.join(" ", words)) + "; expected " + SEVERITIES + ", as in: " + example("incident.sev"));
        }
        return said(incidents.severity(id, severity.get(), by), id + " is now " + severity.get().wireName() + ".");
    }

    private Reply link(String id, List<String> words, Incidents.Actor by) {
        String what = words.isEmpty() ? "" : words.getFirst();
        if (words.size() == 3 && what.equals("alert") && words.get(1).equals("group")) {
            words = List.of("group", words.get(2));
            what = "group";
        }
        if (words.size() != 2 || !Set.of("alert", "group", "job").contains(what)) {
            return Reply.text(LINK_USAGE + example("incident.link"));
        }
        String ref = words.get(1);
        if (what.equals("job")) {
            if (!ref.matches("[0-9]{1,18}")) {
                return Reply.text(ref + " is not a job number; expected incident link job <number>");
            }
            Optional<JobRecord> job = jobs.find(Long.parseLong(ref));
            if (job.isEmpty()) {
                return Reply.text("There is no job " + ref + "; nothing was linked. Type jobs to see the recent ones.");
            }
            JobRecord j = job.get();
            String label = j.text() == null || j.text().isBlank() ? j.commandId() : j.text();
            return said(incidents.link(id, "job", ref + " (" + label + ", " + j.state().wireName() + ")", by),
                    "Linked job " + ref + " to " + id + ".");
        }
        if (desk == null) {
            return Reply.text("Alerts are not enabled on this server; nothing was linked.");
        }
        Optional<AlertDesk.AlertSet> set = desk.find(what.equals("group") ? "group " + ref : ref);
        if (set.isEmpty()) {
            return Reply.text("There is no " + (what.equals("group") ? "alert group " : "alert with fingerprint ")
                    + ref + "; nothing was linked. Type alerts to see the firing ones.");
        }
        return said(incidents.linkAlerts(id, set.get(), by), "Linked " + set.get().ref() + " ("
                + count(set.get().alerts().size(), "alert") + ") to " + id + ".");
    }

    private Reply postmortem(String request, ConversationRef here) {
        String id;
        if (ID.matcher(request).matches()) {
            id = request.toUpperCase(java.util.Locale.ROOT);
        } else if (!request.isEmpty()) {
            return Reply.text(request + " is not an incident id; expected incident postmortem INC-<number>");
        } else {
            List<Incident> open = incidents.openIn(here);
            if (open.size() != 1) {
                return Reply.text("Name the incident, as in: incident postmortem INC-1");
            }
            id = open.getFirst().id();
        }
        Optional<Incident> incident = incidents.find(id);
        if (incident.isEmpty()) {
            return unknown(id);
        }
        Incident i = incident.get();
        List<TimelineEntry> timeline = incidents.timeline(i.id());
        long commands = timeline.stream().filter(e -> e.kind() == TimelineEntry.Kind.COMMAND).count();
        String window = i.resolvedAt() == null ? "still open"
                : "resolved after " + PostmortemDocument.duration(Duration.between(i.declaredAt(), i.resolvedAt()));
        return Reply.builder().text("Postmortem of " + i.id() + " (" + i.severity().wireName() + ", " + window + ", "
                + count(timeline.size(), "timeline entry") + ", " + count(commands, "command") + " run):")
                .add(new Block.File(i.id() + "-postmortem.md", "text/markdown",
                        PostmortemDocument.render(i, timeline)))
                .build();
    }

    private Reply list() {
        List<Incident> open = incidents.open();
        if (open.isEmpty()) {
            return Reply.text("No incidents are open.");
        }
        List<List<String>> rows = open.stream().map(i -> List.of(i.id(), i.severity().wireName(),
                i.status().wireName(), i.commander(), i.title(), i.conversation().toString())).toList();
        return Reply.builder().table(List.of("id", "sev", "status", "commander", "title", "where"), rows).build();
    }

    private static Reply said(Incidents.Result result, String done) {
        return switch (result) {
            case Incidents.Result.Changed c -> Reply.text(done);
            case Incidents.Result.Unknown u -> unknown(u.id());
            case Incidents.Result.AlreadyResolved r -> Reply.text(r.incident().id() + " is already resolved"
                    + " (at " + PostmortemDocument.time(r.incident().resolvedAt()) + "); nothing changed.");
            case Incidents.Result.Busy b -> Reply.text(b.id() + " is being changed by others right now; try again.");
        };
    }

    private static Reply unknown(String id) {
        return Reply.text("There is no incident " + id + ". Type incidents to see the open ones.");
    }

    private static String ids(List<Incident> incidents) {
        return incidents.stream().map(Incident::id).collect(Collectors.joining(", "));
    }

    private static String count(long n, String thing) {
        String plural = thing.endsWith("y") ? thing.substring(0, thing.length() - 1) + "ies" : thing + "s";
        return n + " " + (n == 1 ? thing : plural);
    }

    /** The title without one pair of surrounding quotes, as the alert-group button sends it. */
    private static String unquoted(String title) {
        if (title.length() >= 2 && ((title.startsWith("\"") && title.endsWith("\""))
                || (title.startsWith("\u201c") && title.endsWith("\u201d")))) {
            return title.substring(1, title.length() - 1).strip();
        }
        return title;
    }

    private static String strip(String user) {
        return user.startsWith("@") ? user.substring(1) : user;
    }

    private static String example(String name) {
        return switch (name) {
            case "incident.role" -> "incident role comms @bob";
            case "incident.status" -> "incident status identified bad config push";
            case "incident.note" -> "incident note INC-3 rolled back the config";
            case "incident.sev" -> "incident sev sev1";
            case "incident.link" -> "incident link job 12";
            case "incident.resolve" -> "incident resolve INC-3 config rolled back";
            default -> "incident " + name.substring(name.indexOf('.') + 1) + " INC-1 ...";
        };
    }
}
