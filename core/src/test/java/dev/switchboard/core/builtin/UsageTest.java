package dev.switchboard.core.builtin;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UsageTest {
    @Test
    void placeholdersBecomeRequiredOptionalAndRestOfLineMarkers() {
        assertThat(Usage.usage("deploy {service} {version=latest} to {env}"))
                .isEqualTo("deploy <service> [version] to <env>");
        assertThat(Usage.usage("help {command...}")).isEqualTo("help <command...>");
    }
}
