package dev.switchboard.bench;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The alert storm of issue 5, end to end over HTTP: a real Switchboard ({@link StormServer}: app wiring, H2 file
 * database, web chat, an Alertmanager receiver with a bearer token, a route grouping by alertname and namespace, the
 * default budget of one post or edit a second per conversation) gets {@code --alerts} firing alerts in one burst at
 * {@code POST /hooks/alertmanager}, {@code --per-payload} to a request, from {@code --clients} concurrent HTTP clients.
 * A person in the routed room ({@link ChatWatcher}) records every post and edit. Reported per run ({@link StormRun}):
 * accepted alerts/s (first request sent to last 2xx; a 2xx means stored), the firing alerts the store holds after
 * the server stopped, posts and edits per second in the room and the most in any one second, and whether the storm
 * summary's title ends exactly as sent ("10000 alerts firing in cluster eu-1: 6000 × KubePodCrashLooping, …").
 * Each run uses a fresh server and database; {@code --warmup} runs first, unreported. Every wait is bounded.
 *
 * <pre>java -cp bench/target/benchmarks.jar dev.switchboard.bench.AlertStormDriver --runs 5</pre>
 */
public final class AlertStormDriver {
    private static final Map<String, String> DEFAULTS = Map.of("alerts", "10000", "per-payload", "100",
            "clients", "4", "runs", "5", "warmup", "1", "group-wait", "2s", "settle", "60", "quiet", "3");
    private static final Pattern OPENED = Pattern.compile("\"opened\":(\\d+)");
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private AlertStormDriver() {}

    public static void main(String[] args) throws Exception {
        DriverOptions options = DriverOptions.parse(args, DEFAULTS);
        System.out.printf("# alert storm: %d alerts, %d per payload, %d clients; %d cores; JDK %s; H2 file database%n",
                options.number("alerts"), options.number("per-payload"), options.number("clients"),
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.version"));
        for (int i = 1; i <= options.number("warmup"); i++) {
            System.out.println("warm-up: " + storm(options));
        }
        List<StormRun> runs = new ArrayList<>();
        for (int i = 1; i <= options.number("runs"); i++) {
            StormRun run = storm(options);
            runs.add(run);
            System.out.println("  run " + i + " " + run);
        }
        if (!runs.isEmpty()) {
            System.out.println(StormRun.medians(runs));
        }
        System.exit(runs.stream().allMatch(StormRun::passed) ? 0 : 1);
    }

    /** One storm against a fresh server. */
    static StormRun storm(DriverOptions options) throws Exception {
        String token = "bench-" + UUID.randomUUID();
        StormPayloads storm = StormPayloads.of(UUID.randomUUID().toString().substring(0, 8),
                options.number("alerts"), options.number("per-payload"), Instant.now().minusSeconds(60));
        try (StormServer server = StormServer.start(token, options.text("group-wait"));
                ChatWatcher watcher = ChatWatcher.watch(server.port(), StormServer.WATCHER, StormServer.ROOM)) {
            long cpu = processCpuNanos();
            long start = System.nanoTime();
            long opened = send(server.port(), token, storm.payloads(), options.number("clients"));
            double acceptMillis = (System.nanoTime() - start) / 1e6;
            double cpuMicros = (processCpuNanos() - cpu) / 1e3 / storm.total();
            double summaryMillis = awaitSummary(watcher, storm.title(), start,
                    Duration.ofSeconds(options.number("settle")));
            awaitQuiet(watcher, Duration.ofSeconds(options.number("quiet")),
                    Duration.ofSeconds(options.number("settle")));
            List<ChatWatcher.Seen> seen = watcher.seen();
            List<Long> times = seen.stream().map(ChatWatcher.Seen::nanos).sorted().toList();
            double minGap = -1;
            for (int i = 1; i < times.size(); i++) {
                double gap = (times.get(i) - times.get(i - 1)) / 1e6;
                minGap = minGap < 0 ? gap : Math.min(minGap, gap);
            }
            int posts = (int) seen.stream().filter(s -> !s.edit()).count();
            double chatMillis = times.size() < 2 ? 0 : (times.getLast() - times.getFirst()) / 1e6;
            String lastTitle = watcher.latestTitle(storm.total() + " alerts firing");
            if (lastTitle.isEmpty()) {
                lastTitle = seen.isEmpty() ? "(nothing posted)" : seen.getLast().title();
            }
            int stored = server.stopAndCountFiring();
            return new StormRun(storm.total(), acceptMillis, cpuMicros, opened, stored, posts, seen.size() - posts,
                    chatMillis, StormRun.maxInOneSecond(times), minGap, summaryMillis, storm.title(), lastTitle);
        }
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /**
     * Posts every payload once, {@code clients} at a time (each client its own HTTP connection, taking the next
     * payload when its last one is answered); returns the sum of the {@code opened} counts. Any answer but 200 ends
     * the run: the figures of a storm that was partly refused would mean nothing.
     */
    private static long send(int port, String token, List<byte[]> payloads, int clients) throws Exception {
        URI hook = URI.create("http://127.0.0.1:" + port + "/hooks/alertmanager");
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<Long>> sent = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                sent.add(pool.submit(() -> {
                    long opened = 0;
                    try (HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                            .connectTimeout(Duration.ofSeconds(5)).build()) {
                        for (int i = next.getAndIncrement(); i < payloads.size(); i = next.getAndIncrement()) {
                            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(hook)
                                    .timeout(REQUEST_TIMEOUT).header("Content-Type", "application/json")
                                    .header("Authorization", "Bearer " + token)
                                    .POST(HttpRequest.BodyPublishers.ofByteArray(payloads.get(i))).build(),
                                    HttpResponse.BodyHandlers.ofString());
                            if (answer.statusCode() != 200) {
                                throw new IllegalStateException("payload " + i + " was answered "
                                        + answer.statusCode() + ": " + answer.body());
                            }
                            Matcher m = OPENED.matcher(answer.body());
                            opened += m.find() ? Long.parseLong(m.group(1)) : 0;
                        }
                    }
                    return opened;
                }));
            }
            long opened = 0;
            for (Future<Long> f : sent) {
                opened += f.get(REQUEST_TIMEOUT.toSeconds() * payloads.size(), TimeUnit.SECONDS);
            }
            return opened;
        } finally {
            pool.shutdownNow();
        }
    }

    /** Milliseconds from {@code start} until the room showed {@code title}, or -1 if it did not within the bound. */
    private static double awaitSummary(ChatWatcher watcher, String title, long start, Duration bound)
            throws InterruptedException {
        long end = System.nanoTime() + bound.toNanos();
        while (System.nanoTime() < end) {
            for (ChatWatcher.Seen s : watcher.seen()) {
                if (s.title().equals(title)) {
                    return (s.nanos() - start) / 1e6;
                }
            }
            Thread.sleep(20); // polling what the room shows; bounded above
        }
        return -1;
    }

    /** Waits until nothing was posted or edited for {@code quiet} (at most {@code bound}), so late edits count too. */
    private static void awaitQuiet(ChatWatcher watcher, Duration quiet, Duration bound) throws InterruptedException {
        long end = System.nanoTime() + bound.toNanos();
        while (System.nanoTime() < end) {
            List<ChatWatcher.Seen> seen = watcher.seen();
            long last = seen.isEmpty() ? 0 : seen.getLast().nanos();
            if (System.nanoTime() - last >= quiet.toNanos()) {
                return;
            }
            Thread.sleep(50); // bounded above
        }
    }
}
