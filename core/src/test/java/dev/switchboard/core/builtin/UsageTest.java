package dev.switchboard.core.builtin;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UsageTest {
    @Test
    void argumentsAreListedOnceInOrderWithTheirDefaults() {
        var spec = new dev.switchboard.api.command.CommandSpec("deploy.service",
                java.util.List.of("deploy {service} {version=latest} to {env}", "ship {service} to {env}"),
                java.util.Map.of(), "", java.util.List.of(), null, null, null,
                new dev.switchboard.api.command.ActionSpec("shell", java.util.Map.of()), null);

        var args = Usage.arguments(spec);
        assertThat(args.keySet()).containsExactly("service", "version", "env");
        assertThat(args).containsEntry("version", "latest").containsEntry("service", null);
    }
}
