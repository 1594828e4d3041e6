package dev.switchboard.plugin.shell;

import dev.switchboard.api.command.ArgTemplate;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The validated settings of one {@code shell} action.
 *
 * @param program argv[0] exactly as configured (used in messages)
 * @param executable the program to start: a path resolved against {@code workdir} when argv[0] contains a slash,
 *     otherwise the bare name, looked up on PATH
 * @param args argv[1..] as templates over the command's arguments
 * @param env extra environment variables, values are templates
 * @param inheritEnv whether the child sees the whole parent environment instead of only PATH, HOME, LANG and TZ
 * @param workdir the child's working directory, absolute
 * @param outputLimit how many output lines are kept; the rest is drained and dropped
 * @param successCodes exit codes that count as success
 */
record ShellSettings(
        String program, String executable, List<ArgTemplate> args, Map<String, ArgTemplate> env, boolean inheritEnv,
        Path workdir, int outputLimit, Set<Integer> successCodes) {

    static final int DEFAULT_OUTPUT_LIMIT = 10_000;

    ShellSettings {
        args = List.copyOf(args);
        env = Map.copyOf(env);
        successCodes = Set.copyOf(successCodes);
    }
}
