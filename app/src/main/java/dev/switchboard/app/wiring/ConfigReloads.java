package dev.switchboard.app.wiring;

import dev.switchboard.api.audit.AuditEvent;
import dev.switchboard.api.audit.AuditEventType;
import dev.switchboard.api.audit.AuditLog;
import dev.switchboard.api.chat.ConversationRef;
import dev.switchboard.api.reply.Reply;
import dev.switchboard.config.ConfigError;
import dev.switchboard.config.ConfigWatcher;
import dev.switchboard.config.SwitchboardConfig;
import dev.switchboard.core.chat.ChatGateway;
import dev.switchboard.core.command.ActiveCommands;
import dev.switchboard.core.redact.Redactor;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a changed config file does to a running server. A valid file replaces commands, users and the policy
 * atomically (a changed policy is also audited as {@code policy_reloaded} with the files' hash); a rejected one
 * keeps the last good config, and both are audited, logged and told to the admin conversations. Extra checks
 * ({@link #checking}, such as the {@code alerts:} section's) refuse a reload the same way, so a broken section keeps
 * the last good one. Sections that need a restart (server, storage, chat, plugins, jobs, and what
 * {@link #restarting} names) are reported, not applied.
 */
final class ConfigReloads implements ConfigWatcher.Listener {
    private static final Logger log = LoggerFactory.getLogger(ConfigReloads.class);
    private static final int SHOWN_ERRORS = 10;

    private final AtomicReference<SwitchboardConfig> current;
    private final CommandSets commandSets;
    private final ActiveCommands commands;
    private final Consumer<SwitchboardConfig> applyUsers;
    private final AuditLog audit;
    private final ChatGateway gateway;
    private final Clock clock;
    private final Redactor redactor;
    private volatile boolean lastRejected;
    private Function<SwitchboardConfig, List<String>> extraChecks = next -> List.of();
    private Function<SwitchboardConfig, List<String>> extraRestarts = next -> List.of();

    ConfigReloads(AtomicReference<SwitchboardConfig> current, CommandSets commandSets, ActiveCommands commands,
            Consumer<SwitchboardConfig> applyUsers, AuditLog audit, ChatGateway gateway, Clock clock,
            Redactor redactor) {
        this.current = current;
        this.commandSets = commandSets;
        this.commands = commands;
        this.applyUsers = applyUsers;
        this.audit = audit;
        this.gateway = gateway;
        this.clock = clock;
        this.redactor = redactor;
    }

    /** Also refuses a reload for the problems {@code check} finds (call before the watcher starts). */
    ConfigReloads checking(Function<SwitchboardConfig, List<String>> check) {
        this.extraChecks = check;
        return this;
    }

    /** Also reports the sections {@code restart} names as needing a restart (call before the watcher starts). */
    ConfigReloads restarting(Function<SwitchboardConfig, List<String>> restart) {
        this.extraRestarts = restart;
        return this;
    }

    boolean lastRejected() {
        return lastRejected;
    }

    @Override
    public void reloaded(SwitchboardConfig next) {
        List<String> refused = new ArrayList<>(UnenforcedSettings.problems(next));
        if (refused.isEmpty() && Policies.of(next, commandSets.known(next.commands())) instanceof Policies.Built.Rejected badPolicy) {
            refused.addAll(badPolicy.problems());
        }
        if (refused.isEmpty()) {
            refused.addAll(extraChecks.apply(next));
        }
        if (!refused.isEmpty()) {
            refuse(refused);
            return;
        }
        SwitchboardConfig previous = current.get();
        // new secrets first, so nothing that uses them can show them before they are masked
        redactor.remember(next.secretValues());
        redactor.usePatterns(next.security().redact());
        commands.replace(commandSets.build(next.commands()));
        applyUsers.accept(next);
        current.set(next);
        lastRejected = false;
        List<String> restart = new ArrayList<>(needsRestart(previous, next));
        restart.addAll(extraRestarts.apply(next));
        record(AuditEventType.CONFIG_RELOADED, next.sha256(), next.commands().size() + " commands");
        if (!previous.policy().equals(next.policy())) {
            record(AuditEventType.POLICY_RELOADED, next.sha256(), next.policy().size() + " rules");
        }
        log.info("config reloaded: {} commands, {} users (sha256 {})", next.commands().size(), next.users().size(),
                next.sha256().substring(0, 12));
        String text = "✅ Configuration reloaded: " + next.commands().size() + " commands, " + next.users().size()
                + " users.";
        if (!restart.isEmpty()) {
            text += "\nChanges to " + String.join(", ", restart) + " take effect after a restart.";
        }
        tellAdmins(next, text);
    }

    @Override
    public void rejected(List<ConfigError> errors) {
        refuse(errors.stream().map(ConfigError::toString).toList());
    }

    /** Keeps the last good config and says why the new one was refused: audit, log and the admin rooms. */
    private void refuse(List<String> errors) {
        lastRejected = true;
        record(AuditEventType.CONFIG_REJECTED, null, errors.size() + " errors");
        log.warn("config reload rejected, keeping the last good config; {} error(s):", errors.size());
        errors.forEach(e -> log.warn("  {}", e));
        List<String> lines = new ArrayList<>();
        lines.add("⚠️ The changed configuration was rejected; the last good one stays in force. "
                + errors.size() + " error(s):");
        errors.stream().limit(SHOWN_ERRORS).forEach(e -> lines.add("  " + e));
        if (errors.size() > SHOWN_ERRORS) {
            lines.add("  ... and " + (errors.size() - SHOWN_ERRORS) + " more (see the server log or run switchboard check)");
        }
        tellAdmins(current.get(), String.join("\n", lines));
    }

    private void record(AuditEventType type, String sha256, String summary) {
        try {
            audit.record(AuditEvent.builder(type, clock.instant()).detail("sha256", sha256)
                    .detail("summary", summary).build());
        } catch (RuntimeException e) {
            log.error("could not audit the config change ({})", type.wireName(), e);
        }
    }

    private void tellAdmins(SwitchboardConfig config, String text) {
        for (ConversationRef to : config.admins().conversations()) {
            try {
                gateway.say(to, Reply.builder().code(text).build());
            } catch (RuntimeException e) {
                log.warn("could not tell admins in {} about the config change: {}", to, e.getMessage());
            }
        }
    }

    private static List<String> needsRestart(SwitchboardConfig before, SwitchboardConfig after) {
        List<String> changed = new ArrayList<>();
        if (!before.server().equals(after.server())) {
            changed.add("server");
        }
        if (!before.storage().equals(after.storage())) {
            changed.add("storage");
        }
        if (!before.chat().equals(after.chat())) {
            changed.add("chat");
        }
        if (!Objects.equals(before.plugins(), after.plugins())) {
            changed.add("plugins");
        }
        if (!before.jobs().equals(after.jobs())) {
            changed.add("jobs");
        }
        return changed;
    }
}
