package dev.switchboard.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.api.audit.AuditChain;
import dev.switchboard.api.audit.AuditEvent;
import dev.switchboard.api.audit.AuditEventType;
import dev.switchboard.api.audit.AuditRecord;
import dev.switchboard.store.JdbcStorage;
import dev.switchboard.store.StorageSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

class AuditCommandTest {
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path dir;
    private String url;
    private Path config;

    @BeforeEach
    void writeConfig() throws Exception {
        url = "jdbc:h2:file:" + dir.resolve("db/switchboard").toAbsolutePath();
        config = dir.resolve("switchboard.yaml");
        Files.writeString(config, "storage:\n  url: \"" + url + "\"\n");
    }

    @Test
    void anUntouchedLogIsIntactAndShowsItsHead() {
        List<AuditRecord> records = append(events(20, Instant.now()));

        Cli.Run run = Cli.run("audit", "verify", "-c", config.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEqualTo("audit log intact: 20 records, head " + records.getLast().hash()
                + System.lineSeparator());
    }

    @Test
    void anEditedRecordIsNamedWithExitCode3() throws Exception {
        append(events(20, Instant.now()));
        sql("UPDATE audit_log SET text = 'x' WHERE seq = 5");

        Cli.Run run = Cli.run("audit", "verify", "-c", config.toString());

        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.out()).contains("audit log BROKEN at record 5: record 5 was edited")
                .contains("4 records before it verified");
    }

    @Test
    void aDeletedRecordIsNamedWithExitCode3() throws Exception {
        append(events(20, Instant.now()));
        sql("DELETE FROM audit_log WHERE seq = 7");

        Cli.Run run = Cli.run("audit", "verify", "-c", config.toString());

        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.out()).contains("audit log BROKEN at record 7: record 7 is missing (deleted), the next one is 8")
                .contains("6 records before it verified");
    }

    @Test
    void aBreakSeveralPagesIntoALongLogIsFound() throws Exception {
        Instant now = Instant.now();
        for (int batch = 0; batch < 5; batch++) {
            append(events(5_000, now));
        }
        sql("UPDATE audit_log SET actor = 'mallory' WHERE seq = 23456");

        Cli.Run run = Cli.run("audit", "verify", "-c", config.toString());

        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.out()).contains("audit log BROKEN at record 23456: record 23456 was edited")
                .contains("23455 records before it verified");
    }

    @Test
    void anEmptyLogIsIntact() {
        append(List.of());

        Cli.Run run = Cli.run("audit", "verify", "-c", config.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("audit log intact: 0 records, head " + AuditChain.GENESIS);
    }

    @Test
    void aMissingDatabaseIsNotCreatedButReportedWithExitCode2() {
        Cli.Run run = Cli.run("audit", "verify", "-c", config.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("audit verify: no database at " + dir.resolve("db/switchboard.mv.db"));
        assertThat(dir.resolve("db/switchboard.mv.db")).doesNotExist();
    }

    @Test
    void anUnreachableDatabaseIsReportedWithoutItsPassword() throws Exception {
        Files.writeString(config, """
                storage:
                  url: "jdbc:postgresql://127.0.0.1:1/switchboard"
                  user: sb
                  password: s3cret-value
                """);

        Cli.Run run = Cli.run("audit", "verify", "-c", config.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("audit verify: cannot open database").doesNotContain("s3cret-value");
    }

    @Test
    void anInvalidConfigurationPrintsItsErrorsWithExitCode1() throws Exception {
        Files.writeString(config, "storage:\n  ulr: \"" + url + "\"\n");

        Cli.Run run = Cli.run("audit", "verify", "-c", config.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("switchboard.yaml").contains("ulr");
    }

    @Test
    void anExportCanBeReverifiedRecordByRecord() throws Exception {
        List<AuditEvent> events = new ArrayList<>(events(30, Instant.now()));
        events.add(AuditEvent.builder(AuditEventType.FINISHED, Instant.parse("2026-11-01T10:00:00.123456789Z"))
                .actor("alice").text("say \"hi\"\n\ttab \\ done é ✓").commandId("echo")
                .args(Map.of("z", "last", "a", "first")).jobId(42L).rule("known user")
                .detail("exit", 0).detail("status", "succeeded").build());
        List<AuditRecord> stored = append(events);

        Cli.Run run = Cli.run("audit", "export", "-c", config.toString());

        assertThat(run.exitCode()).isZero();
        List<String> lines = run.out().lines().toList();
        assertThat(lines).hasSize(stored.size());
        String prev = AuditChain.GENESIS;
        for (int i = 0; i < lines.size(); i++) {
            JsonNode line = JSON.readTree(lines.get(i));
            long seq = line.get("seq").asLong();
            AuditEvent event = eventOf(line.get("event"));
            assertThat(seq).isEqualTo(i + 1);
            assertThat(line.get("prevHash").asString()).isEqualTo(prev);
            assertThat(AuditChain.hash(prev, seq, event)).isEqualTo(line.get("hash").asString());
            assertThat(event).isEqualTo(stored.get(i).event());
            prev = line.get("hash").asString();
        }
    }

    @Test
    void sinceKeepsOnlyEventsFromThatTimeOn() {
        Instant now = Instant.now();
        append(events(3, now.minus(Duration.ofHours(48))));
        append(events(2, now.minus(Duration.ofHours(1))));

        Cli.Run lastDay = Cli.run("audit", "export", "-c", config.toString(), "--since", "24h");
        Cli.Run fromMoment = Cli.run("audit", "export", "-c", config.toString(),
                "--since", now.minus(Duration.ofHours(2)).truncatedTo(ChronoUnit.SECONDS).toString());

        assertThat(lastDay.exitCode()).isZero();
        assertThat(seqs(lastDay.out())).containsExactly(4L, 5L);
        assertThat(seqs(fromMoment.out())).containsExactly(4L, 5L);
    }

    @Test
    void anUnknownFormatOrSinceSaysWhatIsExpected() {
        append(events(1, Instant.now()));

        Cli.Run format = Cli.run("audit", "export", "-c", config.toString(), "--format", "csv");
        Cli.Run since = Cli.run("audit", "export", "-c", config.toString(), "--since", "yesterday");

        assertThat(format.exitCode()).isEqualTo(2);
        assertThat(format.err()).contains("unknown format 'csv'; available formats: jsonl");
        assertThat(format.out()).isEmpty();
        assertThat(since.exitCode()).isEqualTo(2);
        assertThat(since.err()).contains("24h").contains("2026-11-01T00:00:00Z").contains("'yesterday'");
    }

    private List<Long> seqs(String jsonl) {
        return jsonl.lines().map(l -> JSON.readTree(l).get("seq").asLong()).toList();
    }

    private static AuditEvent eventOf(JsonNode e) {
        return new AuditEvent(AuditEventType.fromWireName(e.get("type").asString()),
                Instant.parse(e.get("time").asString()), text(e, "correlationId"), text(e, "actor"),
                text(e, "account"), text(e, "conversation"), text(e, "text"), text(e, "commandId"),
                map(e.get("args")), e.has("jobId") ? e.get("jobId").asLong() : null, text(e, "rule"),
                map(e.get("detail")));
    }

    private static String text(JsonNode node, String field) {
        return node.has(field) ? node.get(field).asString() : null;
    }

    private static Map<String, String> map(JsonNode node) {
        Map<String, String> map = new TreeMap<>();
        if (node != null) {
            node.properties().forEach(p -> map.put(p.getKey(), p.getValue().asString()));
        }
        return map;
    }

    private static List<AuditEvent> events(int count, Instant time) {
        return IntStream.range(0, count).mapToObj(i -> AuditEvent.builder(AuditEventType.RECEIVED, time)
                .correlationId("c" + i).actor("alice").account("web:alice").conversation("web:#ops")
                .text("deploy web to staging " + i).commandId("deploy.service")
                .args(Map.of("service", "web", "env", "staging")).build()).toList();
    }

    private List<AuditRecord> append(List<AuditEvent> events) {
        try (JdbcStorage storage = JdbcStorage.open(StorageSettings.of(url))) {
            return storage.audit().append(events);
        }
    }

    private void sql(String statement) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url)) {
            connection.createStatement().executeUpdate(statement);
        }
    }
}
