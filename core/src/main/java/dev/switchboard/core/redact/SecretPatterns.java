package dev.switchboard.core.redact;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Regular expressions for secrets that look like secrets, masked even when nobody configured their value. A pattern
 * with a group named {@code secret} masks only that group (so {@code password=***} still says what was hidden);
 * any other pattern masks its whole match. Every built-in pattern runs in time linear in the text (no unbounded
 * repetition before a literal), because every reply, audit row and log line passes through them.
 */
public final class SecretPatterns {
    /** The name of the group that, when a pattern has it, is the only part of a match that is masked. */
    public static final String SECRET_GROUP = "secret";

    /**
     * AWS access key ids; {@code Bearer <token>}; {@code password=}, {@code passwd=}, {@code secret=},
     * {@code token=} and {@code api_key=} values (also with {@code :} and quotes, as in JSON or YAML, and with
     * prefixes such as {@code DB_PASSWORD=}); Slack tokens {@code xox[abprs]-...} and {@code xapp-...}; GitHub
     * tokens {@code gh[pousr]_...} and {@code github_pat_...}; PEM private keys (from the header to the footer, or
     * to the end of the text when the footer is not in it); passwords in URLs ({@code https://user:***@host}).
     */
    public static final List<Pattern> BUILT_IN = List.of(
            Pattern.compile("\\b(?:AKIA|ASIA)[0-9A-Z]{16}\\b"),
            Pattern.compile("(?i)\\bbearer\\s+(?<secret>[A-Za-z0-9._~+/-]{8,}=*)"),
            Pattern.compile("(?i)(?:password|passwd|secret|token|api[_-]?key)[\"']?\\s{0,3}[=:]\\s{0,3}[\"']?"
                    + "(?<secret>[^\\s\"',;&}]+)"),
            Pattern.compile("\\bxox[abprs]-[0-9A-Za-z-]{10,}"),
            Pattern.compile("\\bxapp-[0-9A-Za-z-]{10,}"),
            Pattern.compile("\\bgh[pousr]_[A-Za-z0-9]{36,}"),
            Pattern.compile("\\bgithub_pat_[A-Za-z0-9_]{22,}"),
            Pattern.compile("-----BEGIN[A-Z ]{0,20} PRIVATE KEY-----(?:[\\s\\S]*?-----END[A-Z ]{0,20} PRIVATE KEY-----"
                    + "|[\\s\\S]*)"),
            Pattern.compile("://[^\\s/:@]+:(?<secret>[^\\s/@]+)@"));

    private SecretPatterns() {}

    /** Whether {@code pattern} masks only its {@code secret} group. */
    static boolean masksGroup(Pattern pattern) {
        return pattern.namedGroups().containsKey(SECRET_GROUP);
    }

    /**
     * The text with every match of every pattern masked, in pattern order. An empty match masks nothing; a match
     * whose {@code secret} group did not take part is masked whole.
     */
    static String mask(String text, List<Pattern> patterns, String mask) {
        String out = text;
        for (Pattern pattern : patterns) {
            out = mask(out, pattern, masksGroup(pattern), mask);
        }
        return out;
    }

    private static String mask(String text, Pattern pattern, boolean group, String mask) {
        Matcher m = pattern.matcher(text);
        if (!m.find()) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        int copied = 0;
        do {
            int start = group && m.start(SECRET_GROUP) >= 0 ? m.start(SECRET_GROUP) : m.start();
            int end = group && m.start(SECRET_GROUP) >= 0 ? m.end(SECRET_GROUP) : m.end();
            if (end > start && start >= copied) {
                out.append(text, copied, start).append(mask);
                copied = end;
            }
        } while (m.find());
        return out.append(text, copied, text.length()).toString();
    }
}
