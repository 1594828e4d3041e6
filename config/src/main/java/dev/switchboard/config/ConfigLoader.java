package dev.switchboard.config;

import dev.switchboard.api.command.CommandSpec;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads the configuration: the main file and its includes, secret references resolved, every section validated,
 * then the commands checked by the given {@link CommandChecker}. Every problem found is reported at once, each
 * with its file, line, column and key; a resolved secret is never part of an error.
 *
 * <p>Stateless and thread-safe; {@link #load} never throws (a bug inside it becomes one error and a log line).
 */
public final class ConfigLoader {
    private static final Logger log = LoggerFactory.getLogger(ConfigLoader.class);
    private static final List<String> SECTIONS = List.of("server", "storage", "chat", "users", "policy", "commands",
            "admins", "jobs", "security", "plugins", "include", "alerts", "incidents");

    private final Function<String, String> env;
    private final Supplier<String> hostName;

    /** A loader that resolves {@code ${env:NAME}} from the process environment. */
    public ConfigLoader() {
        this(System::getenv);
    }

    /** A loader that resolves {@code ${env:NAME}} with {@code env} (returns null for an unset variable). */
    public ConfigLoader(Function<String, String> env) {
        this.env = Objects.requireNonNull(env, "env");
        this.hostName = ServiceSectionsReader::hostName;
    }

    /** Loads {@code file} and what it includes; the result is a whole config or every error found. */
    public LoadResult load(Path file, CommandChecker checker) {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(checker, "checker");
        Diagnostics diagnostics = new Diagnostics();
        Set<String> secrets = new LinkedHashSet<>();
        try {
            SourceFiles sources = new SourceFiles(file, diagnostics, new SecretReferences(env, diagnostics, secrets));
            SourceFiles.Sources read = sources.read(file);
            if (read.root().isEmpty()) {
                return rejected(diagnostics, file, "nothing could be read from " + file.getFileName());
            }
            SwitchboardConfig config = assemble(new Cursor(read.root().get(), "", diagnostics), read, secrets,
                    checker, sources.display(file.toAbsolutePath().normalize()));
            return diagnostics.hasErrors() ? new LoadResult.Rejected(diagnostics.errors())
                    : new LoadResult.Loaded(config);
        } catch (RuntimeException e) {
            log.error("bug while loading the configuration from {}", file, e);
            diagnostics.error(Mark.wholeFile(file.getFileName() == null ? file : file.getFileName()), "",
                    "internal error while loading the configuration (see the server log)");
            return new LoadResult.Rejected(diagnostics.errors());
        }
    }

    private SwitchboardConfig assemble(Cursor root, SourceFiles.Sources read, Set<String> secrets,
            CommandChecker checker, Path mainFile) {
        Fields top = root.fields(SECTIONS).orElseThrow();
        List<UserConfig> users = new UsersReader().read(top.get("users"));
        ServerConfig server = ServiceSectionsReader.server(section(top, "server"), users);
        StorageConfig storage = ServiceSectionsReader.storage(section(top, "storage"));
        ChatConfig chat = ChatReader.read(top.get("chat"));
        List<PolicyRule> policy = PolicyReader.read(top.get("policy"));
        AdminConfig admins = ServiceSectionsReader.admins(section(top, "admins"));
        JobsConfig jobs = ServiceSectionsReader.jobs(section(top, "jobs"), hostName);
        SecurityConfig security = SecurityReader.read(section(top, "security"), users);
        Map<String, Map<String, Object>> plugins = plugins(top.get("plugins"));
        AlertsConfig alerts = AlertsReader.read(top.get("alerts"));
        IncidentsConfig incidents = ServiceSectionsReader.incidents(section(top, "incidents"));
        CommandReader.Commands commands = new CommandReader().read(top.get("commands"));
        check(checker, commands, root.diagnostics(), mainFile);
        return new SwitchboardConfig(server, storage, chat, users, commands.specs(), policy, admins, jobs,
                security, plugins, alerts, incidents, read.files(), secrets, read.sha256());
    }

    /** A section, where an empty one ({@code server:} with nothing under it) means all defaults. */
    private static Optional<Cursor> section(Fields top, String key) {
        return top.get(key).filter(c -> !c.isNull());
    }

    private static Map<String, Map<String, Object>> plugins(Optional<Cursor> section) {
        Map<String, Map<String, Object>> plugins = new LinkedHashMap<>();
        if (section.isEmpty() || section.get().isNull()) {
            return plugins;
        }
        section.get().entries("a map of plugin id to its settings, like shell: { ... }").orElse(List.of())
                .forEach(e -> PlainValues.settings(e.getValue(), "a map of " + e.getKey().key() + " settings")
                        .ifPresent(s -> plugins.put(e.getKey().key(), s)));
        return plugins;
    }

    /** Runs the checker and points each problem at the node it names, or the nearest written parent. */
    private static void check(CommandChecker checker, CommandReader.Commands commands, Diagnostics diagnostics,
            Path mainFile) {
        List<CommandChecker.CommandProblem> problems;
        try {
            problems = List.copyOf(checker.check(commands.specs()));
        } catch (RuntimeException e) {
            log.error("the command checker failed", e);
            diagnostics.error(Mark.wholeFile(mainFile), "commands",
                    "the commands could not be checked (internal error; see the server log)");
            return;
        }
        for (CommandChecker.CommandProblem p : problems) {
            String commandPath = commands.pathById().get(p.commandId());
            if (commandPath == null) {
                diagnostics.error(Mark.wholeFile(mainFile), "commands", p.commandId() + ": " + p.message());
                continue;
            }
            String key = p.where().isEmpty() ? commandPath : commandPath + "." + p.where();
            Mark command = commands.markById().get(p.commandId());
            diagnostics.error(nearestMark(diagnostics, command, key, commandPath), key, p.message());
        }
    }

    private static Mark nearestMark(Diagnostics diagnostics, Mark command, String key, String commandPath) {
        String path = key;
        while (path.length() > commandPath.length()) {
            Optional<Mark> mark = diagnostics.markOf(command.file(), path);
            if (mark.isPresent()) {
                return mark.get();
            }
            int cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
            path = cut <= 0 ? commandPath : path.substring(0, cut);
        }
        return command;
    }

    private static LoadResult rejected(Diagnostics diagnostics, Path file, String fallback) {
        if (!diagnostics.hasErrors()) {
            diagnostics.error(Mark.wholeFile(file), "", fallback);
        }
        return new LoadResult.Rejected(diagnostics.errors());
    }
}
