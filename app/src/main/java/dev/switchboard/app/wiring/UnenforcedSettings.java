package dev.switchboard.app.wiring;

import dev.switchboard.api.command.CommandSpec;
import dev.switchboard.config.PolicyRule;
import dev.switchboard.config.SwitchboardConfig;
import java.util.ArrayList;
import java.util.List;

/**
 * Settings this version validates but cannot enforce yet: {@code approve}, {@code confirm} and {@code limit} policy
 * rules, command confirmations and chat platforms other than the web chat ({@code allow} and {@code restrict} rules
 * are enforced, see {@link Policies}). Running anyway would silently skip an approval or a confirmation someone configured,
 * so Switchboard refuses to start instead (security fails closed) and says what to remove.
 */
public final class UnenforcedSettings {
    private static final java.util.Set<String> ENFORCED_RULES = java.util.Set.of("allow", "restrict");

    private UnenforcedSettings() {}

    /** One line per setting that would be ignored, each naming where it is; empty when everything is enforced. */
    public static List<String> problems(SwitchboardConfig config) {
        List<String> problems = new ArrayList<>();
        for (PolicyRule rule : config.policy()) {
            if (!ENFORCED_RULES.contains(rule.kind())) {
                problems.add(where(rule.source()) + "policy: '" + rule.kind() + "' rules are checked but not enforced "
                        + "by this version (allow and restrict are); remove the rule rather than rely on one that "
                        + "would be skipped");
            }
        }
        for (CommandSpec command : config.commands()) {
            if (command.confirm() != null && !command.confirm().isBlank()) {
                problems.add(where(command.source()) + "commands." + command.id() + ".confirm: confirmations are not "
                        + "enforced by this version; remove 'confirm' rather than rely on a question that would not be asked");
            }
        }
        for (String platform : config.chat().others().keySet()) {
            problems.add("chat." + platform + ": the " + platform + " adapter is not part of this version; only the "
                    + "web chat is; remove this section");
        }
        return problems;
    }

    private static String where(String source) {
        return source == null || source.isBlank() ? "" : source + ": ";
    }
}
