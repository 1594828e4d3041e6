package dev.switchboard.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.api.chat.ConversationRef;
import dev.switchboard.api.command.ActionSpec;
import dev.switchboard.api.command.ArgSpec;
import dev.switchboard.api.command.ArgType;
import dev.switchboard.api.command.CommandSpec;
import dev.switchboard.api.command.LockSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The design document's example config, split over an include, loads into exactly the values it says. */
class ConfigLoaderTest {
    static final Path MAIN = Path.of("src/test/resources/valid/switchboard.yaml");
    static final Map<String, String> ENV = Map.of("DB_PASSWORD", "db-pw", "SLACK_APP_TOKEN", "xapp-1-app-token",
            "SLACK_BOT_TOKEN", "xoxb-2-bot-token", "ALICE_PASSWORD", "alice-pw");

    static SwitchboardConfig loadValid() {
        LoadResult result = new ConfigLoader(ENV::get).load(MAIN, CommandChecker.NONE);
        assertThat(result).isInstanceOf(LoadResult.Loaded.class);
        return ((LoadResult.Loaded) result).config();
    }

    @Test
    void theDesignExampleProducesTheDeclaredCommands() {
        SwitchboardConfig config = loadValid();

        CommandSpec deploy = config.commands().get(0);
        assertThat(deploy.source()).isEqualTo("switchboard.yaml:25:5");
        assertThat(deploy.id()).isEqualTo("deploy.service");
        assertThat(deploy.templates()).containsExactly("deploy {service} {version=latest} to {env}");
        assertThat(deploy.args().get("service").type())
                .isEqualTo(new ArgType.Enum(List.of("web", "billing", "search")));
        assertThat(deploy.args().get("env").type()).isEqualTo(new ArgType.Enum(List.of("staging", "prod")));
        assertThat(deploy.args().get("version").type()).isInstanceOfSatisfying(ArgType.PatternType.class,
                p -> assertThat(p.regex().pattern()).isEqualTo("[0-9]+\\.[0-9]+\\.[0-9]+|latest"));
        assertThat(deploy.help()).isEqualTo("Deploy a service version to an environment");
        assertThat(deploy.examples()).containsExactly("deploy web 1.4.2 to staging");
        assertThat(deploy.confirm()).isEqualTo("env == 'prod'");
        assertThat(deploy.lock()).isEqualTo(new LockSpec("deploy:{service}:{env}", LockSpec.Mode.QUEUE));
        assertThat(deploy.timeout()).isEqualTo(Duration.ofMinutes(30));
        assertThat(deploy.action()).isEqualTo(new ActionSpec("shell",
                Map.of("argv", List.of("./scripts/deploy.sh", "{service}", "{version}", "{env}"))));

        CommandSpec restart = config.commands().get(1);
        assertThat(restart).isEqualTo(new CommandSpec("restart.service", List.of("restart {service} after {delay}"),
                Map.of("service", new ArgSpec("service", new ArgType.Text(40), false, "the service to restart"),
                        "delay", new ArgSpec("delay", new ArgType.DurationType(), false, ""),
                        "count", new ArgSpec("count", new ArgType.Int(1, 5), false, ""),
                        "force", new ArgSpec("force", new ArgType.Bool(), true, "")),
                "", List.of(), null, new LockSpec("restart:{service}", LockSpec.Mode.REFUSE), null,
                new ActionSpec("http", Map.of("method", "POST", "url", "https://ops.internal/restart",
                        "retries", 2, "verify", false)),
                "more/ops.yaml:2:5"));
        assertThat(restart.timeout()).isEqualTo(Duration.ofMinutes(10));

        assertThat(config.commands().get(2).action()).isEqualTo(new ActionSpec("builtin.status", Map.of()));
    }

    @Test
    void theOtherSectionsCarryTheirValuesAndSecretsAreResolved() {
        SwitchboardConfig config = loadValid();

        assertThat(config.server()).isEqualTo(new ServerConfig("127.0.0.1", 8080));
        assertThat(config.storage()).isEqualTo(new StorageConfig("jdbc:h2:file:./data/switchboard", "sa", "db-pw"));
        assertThat(config.storage().toString()).doesNotContain("db-pw");
        assertThat(config.chat().web()).isEqualTo(new WebChatConfig(true, WebChatConfig.Login.OPEN));
        assertThat(config.chat().others()).isEmpty();
        assertThat(config.chat().slack()).isEqualTo(new SlackChatConfig(true, SlackChatConfig.Mode.SOCKET,
                "xoxb-2-bot-token", "xapp-1-app-token", null, SlackChatConfig.SLACK_API, "!", 1, 3_000,
                Duration.ofSeconds(1), Duration.ofSeconds(60), 6, Duration.ofMinutes(2)));
        assertThat(config.chat().slack().toString()).doesNotContain("xoxb-2", "xapp-1");
        assertThat(config.chat().irc()).isEqualTo(new IrcChatConfig(true, "irc.internal", 6697, true, "switchboard",
                List.of("#ops"), null, null, null, "!", true, 400, 2, 5, Duration.ofSeconds(1),
                Duration.ofSeconds(60), Duration.ofMinutes(2), 5_000));
        assertThat(config.chat().xmpp()).isNull();
        assertThat(config.users()).containsExactly(
                new UserConfig("alice", List.of("slack:T01/U123", "irc:alice", "web:alice"), List.of("developers"),
                        "alice-pw"),
                new UserConfig("bob", List.of("slack:T01/U456"), List.of("sre"), null));
        assertThat(config.users().getFirst().toString()).doesNotContain("alice-pw");
        assertThat(config.admins()).isEqualTo(new AdminConfig(List.of("sre"),
                List.of(ConversationRef.of("web", "#ops"))));
        assertThat(config.jobs()).isEqualTo(new JobsConfig(Duration.ofSeconds(3), Duration.ofSeconds(2), 500,
                "node-a"));
        assertThat(config.plugins()).isEqualTo(Map.of("shell", Map.of("workdir", "./scripts")));
        assertThat(config.secretValues()).containsExactlyInAnyOrder("db-pw", "xapp-1-app-token", "xoxb-2-bot-token",
                "alice-pw");
    }

    @Test
    void policyRulesKeepTheirOrderShapeAndSource() {
        List<PolicyRule> policy = loadValid().policy();

        assertThat(policy).extracting(PolicyRule::kind)
                .containsExactly("allow", "allow", "allow", "approve", "restrict");
        assertThat(policy.get(0)).isEqualTo(new PolicyRule("allow", List.of("help", "whoami", "status.*"), Map.of(),
                "switchboard.yaml:15:5"));
        assertThat(policy.get(3).settings()).isEqualTo(Map.of("when", "env == 'prod'", "by", List.of("group:sre"),
                "count", 1, "ttl", Duration.ofMinutes(30)));
        assertThat(policy.get(4).settings()).isEqualTo(Map.of("channels", List.of("slack:#deploys", "web:*")));
    }

    @Test
    void theHashCoversEveryFileReadInOrder() throws Exception {
        SwitchboardConfig config = loadValid();
        Path ops = MAIN.resolveSibling("more/ops.yaml");

        assertThat(config.files()).containsExactly(MAIN.toAbsolutePath(), ops.toAbsolutePath());
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        for (Path file : List.of(MAIN, ops)) {
            byte[] bytes = Files.readAllBytes(file);
            sha.update(java.nio.ByteBuffer.allocate(8).putLong(bytes.length).array());
            sha.update(bytes);
        }
        assertThat(config.sha256()).isEqualTo(HexFormat.of().formatHex(sha.digest()));
    }

    @Test
    void anEmptyFileLoadsTheDefaults(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("empty.yaml"), "");

        LoadResult result = new ConfigLoader(Map.<String, String>of()::get).load(file, CommandChecker.NONE);

        assertThat(result).isInstanceOfSatisfying(LoadResult.Loaded.class, loaded -> {
            assertThat(loaded.config().server()).isEqualTo(ServerConfig.DEFAULT);
            assertThat(loaded.config().storage()).isEqualTo(StorageConfig.DEFAULT);
            assertThat(loaded.config().chat()).isEqualTo(ChatConfig.DEFAULT);
            assertThat(loaded.config().jobs().ackAfter()).isEqualTo(Duration.ofSeconds(2));
            assertThat(loaded.config().jobs().outputLines()).isEqualTo(10_000);
            assertThat(loaded.config().jobs().node()).isNotBlank();
            assertThat(loaded.config().commands()).isEmpty();
        });
    }
}
