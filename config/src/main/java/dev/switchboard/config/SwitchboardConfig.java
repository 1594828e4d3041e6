package dev.switchboard.config;

import dev.switchboard.api.command.CommandSpec;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A whole, valid configuration: immutable, so a reload builds a new one and swaps it in.
 *
 * @param users the configured people, in config order (includes appended in include order)
 * @param commands the declared commands, checked by the {@link CommandChecker} given to the loader
 * @param policy the policy rules in order (default deny is the engine's, not a rule here)
 * @param security extra redaction patterns, who may break glass, how long confirmations stay open
 * @param plugins plugin id to its settings as written, in config order
 * @param alerts webhook receivers, alert routes and budget ({@link AlertsConfig#NONE} without an alerts section)
 * @param incidents where incidents are announced ({@link IncidentsConfig#DEFAULT}: nowhere extra)
 * @param files the main file and every included file, absolute, in the order they were read
 * @param secretValues every value a {@code ${env:}} / {@code ${file:}} reference resolved to, to redact anywhere
 * @param sha256 hex SHA-256 over the bytes of {@code files}, for the {@code config_reloaded} audit event
 */
public record SwitchboardConfig(
        ServerConfig server, StorageConfig storage, ChatConfig chat, List<UserConfig> users,
        List<CommandSpec> commands, List<PolicyRule> policy, AdminConfig admins, JobsConfig jobs,
        SecurityConfig security, Map<String, Map<String, Object>> plugins, AlertsConfig alerts,
        IncidentsConfig incidents, List<Path> files, Set<String> secretValues, String sha256) {

    public SwitchboardConfig {
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(storage, "storage");
        Objects.requireNonNull(chat, "chat");
        Objects.requireNonNull(admins, "admins");
        Objects.requireNonNull(jobs, "jobs");
        Objects.requireNonNull(security, "security");
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(incidents, "incidents");
        Objects.requireNonNull(alerts, "alerts");
        users = List.copyOf(users);
        commands = List.copyOf(commands);
        policy = List.copyOf(policy);
        plugins = Collections.unmodifiableMap(new LinkedHashMap<>(plugins));
        files = List.copyOf(files);
        secretValues = Set.copyOf(secretValues);
    }

    @Override
    public String toString() {
        return "SwitchboardConfig[files=" + files + ", sha256=" + sha256 + ", users=" + users.size() + ", commands="
                + commands.size() + ", policy=" + policy.size() + ", secrets=" + secretValues.size() + "]";
    }
}
