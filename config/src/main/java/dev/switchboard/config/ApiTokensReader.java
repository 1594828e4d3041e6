package dev.switchboard.config;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Reads {@code server.apiTokens}: a list of {@code { name, user, sha256 }}. Each name must be unique and look like
 * {@code grafana-dashboard}; {@code user} must be a configured user (with a did-you-mean); {@code sha256} must be
 * 64 hex digits (what {@code switchboard token new} prints). A bad entry is reported and left out.
 */
final class ApiTokensReader {
    private static final List<String> KEYS = List.of("name", "user", "sha256");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final Pattern HEX = Pattern.compile("[0-9a-fA-F]+");

    private ApiTokensReader() {}

    static List<ApiTokenConfig> read(Optional<Cursor> section, List<UserConfig> users) {
        List<ApiTokenConfig> tokens = new ArrayList<>();
        if (section.isEmpty() || section.get().isNull()) {
            return tokens;
        }
        Set<String> known = new TreeSet<>();
        users.forEach(u -> known.add(u.id()));
        Set<String> names = new HashSet<>();
        for (Cursor item : section.get().items("a list of API tokens, like { name: grafana, user: alice, "
                + "sha256: \"...\" }").orElse(List.of())) {
            item.fields(KEYS).ifPresent(f -> {
                Optional<String> name = f.required("name", "a token name, like grafana-dashboard")
                        .flatMap(c -> c.string().filter(n -> {
                            if (!NAME.matcher(n).matches()) {
                                c.error("expected a name of letters, digits, '.', '_' or '-' (at most 64), got "
                                        + c.shown());
                                return false;
                            }
                            if (!names.add(n)) {
                                c.error("another API token is already named " + c.shown() + "; names must differ");
                                return false;
                            }
                            return true;
                        }));
                Optional<String> user = f.required("user", "the id of the user the token acts as")
                        .flatMap(c -> c.string().filter(u -> {
                            if (!known.contains(u)) {
                                c.error("unknown user " + c.shown() + "; " + (known.isEmpty()
                                        ? "no users are configured" : "configured users are " + String.join(", ", known))
                                        + Spelling.hint(u, known));
                                return false;
                            }
                            return true;
                        }));
                Optional<String> sha256 = f.required("sha256", "the token's SHA-256 as 64 hex digits")
                        .flatMap(c -> c.string().filter(h -> {
                            if (h.startsWith("sbt_")) {
                                c.error("this is the token itself; put its SHA-256 here (switchboard token new "
                                        + "prints it) and keep the token out of the configuration");
                                return false;
                            }
                            if (h.length() != 64 || !HEX.matcher(h).matches()) {
                                c.error("expected the token's SHA-256 as 64 hex digits (switchboard token new prints "
                                        + "it), got " + h.length() + " characters" + (HEX.matcher(h).matches() || h.isEmpty()
                                        ? "" : " that are not all hex digits"));
                                return false;
                            }
                            return true;
                        }));
                if (name.isPresent() && user.isPresent() && sha256.isPresent()) {
                    tokens.add(new ApiTokenConfig(name.get(), user.get(), sha256.get().toLowerCase(Locale.ROOT)));
                }
            });
        }
        return tokens;
    }
}
