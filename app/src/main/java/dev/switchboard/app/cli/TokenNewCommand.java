package dev.switchboard.app.cli;

import dev.switchboard.server.rest.ApiTokens;
import java.io.PrintWriter;
import java.security.SecureRandom;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code switchboard token new --name grafana-dashboard [--user alice]}: prints a new random API token (shown this
 * once; nothing stores it) and the {@code server.apiTokens} entry with its SHA-256 to paste into the configuration.
 * Exit 0, or 2 for a name the configuration would refuse.
 */
@Command(name = "new", description = {"Print a new API token and the server.apiTokens entry holding its SHA-256.",
        "The token is shown once and stored nowhere; give it to the client, paste the entry into the configuration."})
public final class TokenNewCommand implements Callable<Integer> {
    static final String NO_USER = "CHANGE-ME";
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    @Option(names = "--name", required = true,
            description = "What the token is for, shown in the audit log as api:NAME, like grafana-dashboard.")
    String name;

    @Option(names = "--user", defaultValue = NO_USER,
            description = "The user id (from users:) the token acts as; policy decides as that user.")
    String user;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (!NAME.matcher(name).matches()) {
            spec.commandLine().getErr().println("--name: '" + name + "' is not a token name; expected letters, "
                    + "digits, '.', '_' or '-' (at most 64), like grafana-dashboard");
            return 2;
        }
        String token = ApiTokens.generate(new SecureRandom());
        out.println("API token (shown only now; Switchboard keeps only its SHA-256):");
        out.println();
        out.println("  " + token);
        out.println();
        out.println("Add this entry under server.apiTokens in the configuration and restart:");
        out.println();
        out.println("  server:");
        out.println("    apiTokens:");
        out.println("      - { name: " + name + ", user: " + user + ", sha256: \"" + ApiTokens.hash(token) + "\" }");
        if (user.equals(NO_USER)) {
            out.println();
            out.println("Replace " + NO_USER + " with the id of the user the token acts as (or pass --user).");
        }
        out.println();
        out.println("Use it as: curl -H \"Authorization: Bearer <token>\" http://127.0.0.1:8080/api/v1/incidents");
        out.flush();
        return 0;
    }
}
