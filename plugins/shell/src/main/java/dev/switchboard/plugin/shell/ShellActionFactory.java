package dev.switchboard.plugin.shell;

import dev.switchboard.api.action.ActionSettings;
import dev.switchboard.api.action.ActionFactory;
import dev.switchboard.api.command.ActionSpec;
import dev.switchboard.api.command.ArgTemplate;
import dev.switchboard.api.command.CommandSpec;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Builds {@link ShellAction}s from {@code action: shell: {...}} settings, validating them at load:
 * {@code argv} (required; argv[0] is the program and may not name an argument), {@code env}, {@code inheritEnv},
 * {@code workdir} (must exist), {@code outputLimit} and {@code successCodes}. Every problem is reported with its
 * setting path. Relative {@code workdir}s resolve against the base directory given to the constructor.
 * Thread-safe: holds no mutable state.
 */
public final class ShellActionFactory implements ActionFactory {
    static final Duration DEFAULT_GRACE = Duration.ofSeconds(2);
    private static final Set<String> SETTINGS =
            Set.of("argv", "env", "inheritEnv", "workdir", "outputLimit", "successCodes");

    private final Path baseDir;
    private final Duration grace;

    /** Resolves relative paths against the process's current directory. */
    public ShellActionFactory() {
        this(Path.of(""));
    }

    /**
     * Resolves a relative {@code workdir} against {@code baseDir} (usually the config file's folder); a program given
     * as a relative path ({@code ./scripts/deploy.sh}) resolves against the workdir, which defaults to {@code baseDir}.
     */
    public ShellActionFactory(Path baseDir) {
        this(baseDir, DEFAULT_GRACE);
    }

    /** As {@link #ShellActionFactory(Path)}, with the time a process gets between SIGTERM and SIGKILL. */
    public ShellActionFactory(Path baseDir, Duration grace) {
        this.baseDir = Objects.requireNonNull(baseDir, "baseDir").toAbsolutePath().normalize();
        this.grace = Objects.requireNonNull(grace, "grace");
    }

    @Override
    public String kind() {
        return "shell";
    }

    @Override
    public Configured configure(ActionSpec spec, CommandSpec command) {
        ActionSettings in = new ActionSettings(spec.settings(), command);
        in.rejectUnknown(SETTINGS);

        String program = null;
        List<ArgTemplate> args = new ArrayList<>();
        List<String> argv = in.stringList("argv");
        if (argv == null && !in.has("argv")) {
            in.problem("argv", "required: the program and its arguments, like [\"./scripts/deploy.sh\", \"{service}\"]");
        } else if (argv != null && argv.isEmpty()) {
            in.problem("argv", "expected at least the program to run");
        } else if (argv != null) {
            program = program(in, argv.getFirst());
            for (int i = 1; i < argv.size(); i++) {
                if (argv.get(i) != null) {
                    args.add(in.template("argv[" + i + "]", argv.get(i)));
                }
            }
        }

        Map<String, ArgTemplate> env = new LinkedHashMap<>();
        Map<String, String> rawEnv = in.stringMap("env");
        if (rawEnv != null) {
            rawEnv.forEach((name, value) -> {
                if (!name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
                    in.problem("env." + name, "an environment variable name is letters, digits and _, not starting "
                            + "with a digit");
                } else {
                    env.put(name, in.template("env." + name, value));
                }
            });
        }
        Boolean inheritEnv = in.bool("inheritEnv");
        Path workdir = workdir(in);
        Integer outputLimit = in.integer("outputLimit", 1, 10_000_000);
        List<Integer> successCodes = in.integerList("successCodes", 0, 255);

        if (!in.problems().isEmpty()) {
            return new Configured.Rejected(in.problems());
        }
        String executable = program.contains("/") ? workdir.resolve(program).normalize().toString() : program;
        ShellSettings settings = new ShellSettings(program, executable, args, env, Boolean.TRUE.equals(inheritEnv),
                workdir, outputLimit == null ? ShellSettings.DEFAULT_OUTPUT_LIMIT : outputLimit,
                successCodes == null ? Set.of(0) : Set.copyOf(successCodes));
        return new Configured.Ready(new ShellAction(settings, grace));
    }

    private static String program(ActionSettings in, String program) {
        if (program == null) {
            return null;
        }
        if (program.isBlank()) {
            in.problem("argv[0]", "expected the program to run, got an empty string");
        } else if (program.indexOf('{') >= 0 || program.indexOf('}') >= 0) {
            in.problem("argv[0]", "the program is fixed by the server: it cannot contain {...} or come from an "
                    + "argument; pass arguments in argv[1] and later");
        }
        return program;
    }

    private Path workdir(ActionSettings in) {
        String raw = in.string("workdir");
        if (raw == null) {
            return baseDir;
        }
        Path dir;
        try {
            dir = baseDir.resolve(raw).normalize();
        } catch (InvalidPathException e) {
            in.problem("workdir", "not a valid path: " + e.getReason());
            return null;
        }
        if (!Files.isDirectory(dir)) {
            in.problem("workdir", "expected an existing directory, but " + dir + " is not one");
            return null;
        }
        return dir;
    }
}
