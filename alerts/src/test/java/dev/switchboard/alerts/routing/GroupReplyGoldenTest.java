package dev.switchboard.alerts.routing;

import static dev.switchboard.alerts.routing.TestAlerts.OPS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.api.alert.Alert;
import dev.switchboard.api.chat.ConversationRef;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Group and summary messages as a text-only platform shows them ({@code Reply.plainText()}), compared with golden
 * files in {@code src/test/resources/golden}. After an intended change, regenerate with
 * {@code -Dgolden.update=true} and review the diff.
 */
class GroupReplyGoldenTest {
    private static final Path GOLDEN = Path.of("src/test/resources/golden");
    private static final Instant T0 = Instant.parse("2026-11-05T10:00:00Z");

    private static Alert pod(int n, Alert.Status status) {
        Map<String, String> labels = Map.of("alertname", "KubePodCrashLooping", "cluster", "eu-1",
                "namespace", "shop", "pod", "checkout-7f9c-" + n, "severity", n % 3 == 0 ? "critical" : "warning");
        return new Alert("alertmanager", "alertmanager", String.format("%016x", 0xc0ffee00L + n),
                "KubePodCrashLooping", labels.get("severity"), status, labels, Map.of(),
                "Pod shop/checkout-7f9c-" + n + " is restarting 3 times a minute",
                List.of(new Alert.Link("Graph", "https://prometheus.example.org/graph?g0.expr=up"),
                        new Alert.Link("Runbook", "https://runbooks.example.org/KubePodCrashLooping")),
                T0.plusSeconds(60L * n), status == Alert.Status.RESOLVED ? T0.plusSeconds(3600) : null, T0);
    }

    private static GroupState group(String id, ConversationRef to, List<Alert> alerts) {
        return new GroupState(id, new GroupKey("ops", to, Map.of("alertname", "KubePodCrashLooping", "cluster",
                "eu-1")), alerts, null, false, false, T0, null, null);
    }

    @Test
    void aGroupMessageShowsCountsLabelsFiveAlertsTheRestByIdLinksAndButtons() throws IOException {
        List<Alert> alerts = new ArrayList<>();
        for (int n = 1; n <= 8; n++) {
            alerts.add(pod(n, n == 2 ? Alert.Status.RESOLVED : Alert.Status.FIRING));
        }

        assertGolden("alert-group.txt", GroupReply.render(group("k3x9pa", OPS, alerts)).plainText());
    }

    @Test
    void aResolvedGroupMessageHasNoButtons() throws IOException {
        List<Alert> alerts = List.of(pod(1, Alert.Status.RESOLVED), pod(2, Alert.Status.RESOLVED));

        assertGolden("alert-group-resolved.txt", GroupReply.render(group("k3x9pa", OPS, alerts)).plainText());
    }

    @Test
    void aStormSummaryCountsByNameAndListsEveryGroup() throws IOException {
        List<Alert> crash = new ArrayList<>();
        for (int n = 1; n <= 4; n++) {
            crash.add(pod(n, n == 4 ? Alert.Status.RESOLVED : Alert.Status.FIRING));
        }
        Alert notReady = new Alert("alertmanager", "alertmanager", "00000000000000aa", "KubeNodeNotReady", "critical",
                Alert.Status.FIRING, Map.of("alertname", "KubeNodeNotReady", "cluster", "eu-1", "node", "n1"),
                Map.of(), "Node n1 is not ready", List.of(), T0, null, T0);
        GroupState nodes = new GroupState("m2b7qd", new GroupKey("ops", OPS, Map.of("alertname", "KubeNodeNotReady",
                "cluster", "eu-1")), List.of(notReady), null, true, false, T0, null, null);

        assertGolden("alert-summary.txt",
                SummaryReply.render("s-4tq1z", List.of(group("k3x9pa", OPS, crash), nodes)).plainText());
    }

    private static void assertGolden(String name, String actual) throws IOException {
        Path file = GOLDEN.resolve(name);
        if (Boolean.getBoolean("golden.update") || !Files.exists(file)) {
            Files.createDirectories(file.getParent());
            Files.writeString(file, actual + "\n", StandardCharsets.UTF_8);
        }
        assertThat(actual + "\n").isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
    }
}
