package dev.switchboard.core.approval;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code --break-glass "reason"} suffix a member of a break-glass group adds to skip an approval (never
 * authorisation). The suffix is taken off before the command is parsed, so templates never see it.
 */
public final class BreakGlass {
    /** The flag as typed. */
    public static final String FLAG = "--break-glass";

    private static final Pattern SUFFIX = Pattern.compile(
            "\\s+--break-glass(?:\\s+(?:\"([^\"]*)\"|'([^']*)'|(\\S.*?)))?\\s*$", Pattern.DOTALL);

    private BreakGlass() {}

    /** The command text without the flag, and the reason: empty when no flag, blank when the flag had none. */
    public record Split(String command, Optional<String> reason) {}

    public static Split split(String text) {
        Matcher m = SUFFIX.matcher(text);
        if (!m.find()) {
            return new Split(text, Optional.empty());
        }
        String reason = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
        return new Split(text.substring(0, m.start()), Optional.of(reason == null ? "" : reason.strip()));
    }
}
