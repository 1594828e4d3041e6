package dev.switchboard.bench;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The alerts of one storm as Alertmanager webhook payloads (version 4): {@code total} firing alerts in cluster
 * {@value #CLUSTER}, {@code perPayload} to a request, every one with its own fingerprint. Their names follow a fixed
 * mix (60 % KubePodCrashLooping, 30 % KubeNodeNotReady, 10 % TargetDown), spread over {@value #NAMESPACES} namespaces,
 * so a route grouping by alertname and namespace opens 60 groups at once — far more than a one-per-second budget can
 * post, so they fold into one summary. {@link #title()} is the summary title the storm must end with. Immutable.
 */
final class StormPayloads {
    static final String CLUSTER = "eu-1";
    static final int NAMESPACES = 20;
    private static final String[] NAMES = {"KubePodCrashLooping", "KubePodCrashLooping", "KubePodCrashLooping",
        "KubePodCrashLooping", "KubePodCrashLooping", "KubePodCrashLooping", "KubeNodeNotReady", "KubeNodeNotReady",
        "KubeNodeNotReady", "TargetDown"};

    private final List<byte[]> payloads;
    private final Map<String, Integer> counts;
    private final int total;

    private StormPayloads(List<byte[]> payloads, Map<String, Integer> counts, int total) {
        this.payloads = payloads;
        this.counts = counts;
        this.total = total;
    }

    /** @param run tells this storm's fingerprints apart from any other run's */
    static StormPayloads of(String run, int total, int perPayload, Instant startsAt) {
        if (total < 1 || perPayload < 1 || perPayload > 1_000) {
            throw new IllegalArgumentException("expected at least 1 alert and 1 to 1000 alerts per payload, got "
                    + total + " and " + perPayload);
        }
        List<byte[]> payloads = new ArrayList<>();
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (int from = 0; from < total; from += perPayload) {
            StringBuilder json = new StringBuilder(perPayload * 420);
            json.append("{\"version\":\"4\",\"status\":\"firing\",\"receiver\":\"switchboard\",\"groupKey\":")
                    .append("\"{}:{cluster=\\\"").append(CLUSTER).append("\\\"}\",\"truncatedAlerts\":0,")
                    .append("\"groupLabels\":{\"cluster\":\"").append(CLUSTER).append("\"},\"commonLabels\":")
                    .append("{\"cluster\":\"").append(CLUSTER).append("\"},\"commonAnnotations\":{},")
                    .append("\"externalURL\":\"http://127.0.0.1:9093\",\"alerts\":[");
            for (int k = from; k < Math.min(total, from + perPayload); k++) {
                String name = NAMES[k % NAMES.length];
                counts.merge(name, 1, Integer::sum);
                String namespace = "ns-" + (k / NAMES.length) % NAMESPACES;
                String pod = "pod-" + run + "-" + k;
                if (k > from) {
                    json.append(',');
                }
                json.append("{\"status\":\"firing\",\"labels\":{\"alertname\":\"").append(name)
                        .append("\",\"severity\":\"warning\",\"cluster\":\"").append(CLUSTER)
                        .append("\",\"namespace\":\"").append(namespace).append("\",\"pod\":\"").append(pod)
                        .append("\"},\"annotations\":{\"summary\":\"").append(name).append(" on ").append(namespace)
                        .append('/').append(pod).append("\"},\"startsAt\":\"").append(startsAt)
                        .append("\",\"endsAt\":\"0001-01-01T00:00:00Z\",\"generatorURL\":")
                        .append("\"http://127.0.0.1:9090/graph?g0.expr=up\",\"fingerprint\":\"")
                        .append(fingerprint(run, k)).append("\"}");
            }
            json.append("]}");
            payloads.add(json.toString().getBytes(StandardCharsets.UTF_8));
        }
        return new StormPayloads(List.copyOf(payloads), Map.copyOf(counts), total);
    }

    List<byte[]> payloads() {
        return payloads;
    }

    int total() {
        return total;
    }

    /** "10000 alerts firing in cluster eu-1: 6000 × KubePodCrashLooping, 3000 × KubeNodeNotReady, 1000 × TargetDown". */
    String title() {
        List<String> parts = counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed()
                        .thenComparing(Map.Entry.comparingByKey()))
                .map(e -> e.getValue() + " × " + e.getKey()).toList();
        return total + " alerts firing in cluster " + CLUSTER + ": " + String.join(", ", parts);
    }

    /** Sixteen hex digits, as Alertmanager's, unique per run and alert. */
    private static String fingerprint(String run, int k) {
        return String.format("%08x%08x", run.hashCode(), k);
    }
}
