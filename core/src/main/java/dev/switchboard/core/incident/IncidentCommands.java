package dev.switchboard.core.incident;

import dev.switchboard.api.chat.ConversationRef;
import dev.switchboard.api.incident.Incident;
import dev.switchboard.api.incident.Incident.Role;
import dev.switchboard.api.incident.Incident.Severity;
import dev.switchboard.api.incident.Incident.Status;
import dev.switchboard.api.pipeline.Exchange;
import dev.switchboard.api.reply.Reply;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The built-in incident commands, answered in process: {@code incident declare [sev1..sev4] [--commander @user]
 * <title>}, {@code incident role <commander|comms|scribe> @user}, {@code incident status
 * <investigating|identified|monitoring> [message]}, {@code incident note <text>}, {@code incident sev <1-4>},
 * {@code incident link <alert|job> <ref>}, {@code incident resolve [summary]}, {@code incident postmortem [id]} and
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

    private final Incidents incidents;

    public IncidentCommands(Incidents incidents) {
        this.incidents = Objects.requireNonNull(incidents, "incidents");
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
        List<String> words = new ArrayList<>(List.of(request.split("\\s+")));
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
        String title = String.join(" ", words).strip();
        if (title.isEmpty()) {
            return Reply.text("An incident needs a title, as in: incident declare sev2 checkout is down");
        }
        Incident incident = incidents.declare(title, severity, commander, here, by);
        return Reply.text("Declared " + incident.id() + " (" + severity.wireName() + "): " + incident.title()
                + ". Commander: " + incident.commander() + ". Commands run here go on its timeline.");
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
        if (words.size() != 2 || !(words.getFirst().equals("alert") || words.getFirst().equals("job"))) {
            return Reply.text("Expected incident link alert <fingerprint> or incident link job <number>, as in: "
                    + example("incident.link"));
        }
        if (words.getFirst().equals("job") && !words.get(1).matches("[0-9]{1,18}")) {
            return Reply.text(words.get(1) + " is not a job number; expected incident link job <number>");
        }
        return said(incidents.link(id, words.getFirst(), words.get(1), by), "Linked " + words.getFirst() + " "
                + words.get(1) + " to " + id + ".");
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
        Optional<String> document = incidents.postmortem(id);
        if (document.isEmpty()) {
            return unknown(id);
        }
        return Reply.builder().text("Postmortem of " + id + " (Markdown):").code(document.get()).build();
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
