package dev.switchboard.alerts.routing;

import static dev.switchboard.alerts.routing.TestAlerts.OPS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.alerts.memory.InMemoryAlertStore;
import dev.switchboard.api.alert.Alert;
import dev.switchboard.api.reply.Block;
import dev.switchboard.api.reply.Reply;
import dev.switchboard.testkit.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * DESIGN.md section 12: a storm of 10,000 alerts into one conversation gives at most one post or edit a second, a
 * summary whose counts are exact, and a group id for every alert.
 */
class AlertStormTest {
    private static final Instant T0 = TestClock.DEFAULT_START;
    private static final Duration STEP = Duration.ofMillis(100);
    private static final Pattern SUMMARY_TITLE = Pattern.compile("^(\\d+) alerts firing: (.*?)(?: \\((\\d+) resolved\\))?$");
    private static final Pattern NAME_COUNT = Pattern.compile("(\\d+) × ([^,]+)");

    private final TestClock clock = new TestClock();
    private final InMemoryAlertStore store = new InMemoryAlertStore();
    private final Route route = Route.of("ops", List.of(), List.of(OPS), GroupBy.labels("alertname", "cluster"))
            .withTiming(Duration.ZERO, Duration.ofSeconds(5), Duration.ofHours(4));
    private final AlertRouter router = new AlertRouter(new Routes(List.of(), route), RateBudget.ONE_PER_SECOND, clock);
    private final List<Instant> sentAt = new ArrayList<>();
    private final Map<String, Reply> lastReply = new LinkedHashMap<>();
    private int says;

    /** 20 alert names × 5 clusters × 100 pods, in a seeded random order. */
    private static List<Alert> storm(Random random) {
        List<Alert> alerts = new ArrayList<>();
        for (int name = 0; name < 20; name++) {
            for (int cluster = 0; cluster < 5; cluster++) {
                for (int pod = 0; pod < 100; pod++) {
                    alerts.add(TestAlerts.firing(T0.minusSeconds(random.nextInt(3600)), "Alert" + name, "cluster",
                            "eu-" + cluster, "pod", "pod-" + pod, "severity",
                            random.nextInt(4) == 0 ? "critical" : "warning"));
                }
            }
        }
        Collections.shuffle(alerts, random);
        return alerts;
    }

    private void tickUntil(Instant end) {
        for (Instant t = clock.instant(); !t.isAfter(end); t = t.plus(STEP)) {
            clock.set(t);
            for (PostAction action : router.tick(t)) {
                sentAt.add(t);
                lastReply.put(action.groupId(), action.reply());
                if (action instanceof PostAction.Say say) {
                    says++;
                    router.posted(say.groupId(), "m" + says);
                }
            }
        }
    }

    private void receive(List<Alert> alerts) {
        store.record(alerts);
        router.accept(alerts);
    }

    @Test
    void tenThousandAlertsBecomeAHandfulOfPostsWithExactCountsAndEveryAlertReachable() {
        Random random = new Random(20261105L);
        List<Alert> alerts = storm(random);
        for (int batch = 0; batch < 10; batch++) {
            receive(alerts.subList(batch * 1_000, (batch + 1) * 1_000));
            tickUntil(clock.instant().plus(STEP));
        }
        tickUntil(T0.plusSeconds(60));
        List<Alert> resolves = new ArrayList<>();
        for (Alert alert : alerts) {
            if (random.nextInt(8) == 0) {
                resolves.add(TestAlerts.resolved(alert.startsAt(), clock.instant(), alert.name(), flat(alert.labels())));
            }
        }
        receive(resolves);
        tickUntil(T0.plus(Duration.ofMinutes(10)));

        Map<Long, Integer> perSecond = new TreeMap<>();
        sentAt.forEach(t -> perSecond.merge(t.getEpochSecond(), 1, Integer::sum));
        assertThat(perSecond.values()).allSatisfy(count -> assertThat(count).isLessThanOrEqualTo(1));
        for (int i = 1; i < sentAt.size(); i++) {
            assertThat(Duration.between(sentAt.get(i - 1), sentAt.get(i))).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
        }
        assertThat(says).as("new messages in the conversation").isEqualTo(1);
        assertThat(sentAt).as("the summary is edited as the storm grows and resolves").hasSizeBetween(3, 5);

        Map<String, Long> trueFiring = new TreeMap<>();
        store.firing().forEach(a -> trueFiring.merge(a.name(), 1L, Long::sum));
        String summaryId = lastReply.keySet().stream().filter(id -> id.startsWith("s-")).findFirst().orElseThrow();
        String title = ((Block.Text) lastReply.get(summaryId).blocks().getFirst()).text();
        Matcher parsed = SUMMARY_TITLE.matcher(title);
        assertThat(parsed.matches()).as(title).isTrue();
        assertThat(Long.parseLong(parsed.group(1))).isEqualTo(store.firing().size());
        assertThat(Long.parseLong(parsed.group(3))).isEqualTo(resolves.size());
        Matcher counts = NAME_COUNT.matcher(parsed.group(2));
        long listed = 0;
        int named = 0;
        while (counts.find() && named < SummaryReply.NAMES) {
            assertThat(Long.parseLong(counts.group(1))).as(counts.group(2))
                    .isEqualTo(trueFiring.get(counts.group(2)));
            listed += Long.parseLong(counts.group(1));
            named++;
        }
        assertThat(title).endsWith(" × 12 other alert names (" + resolves.size() + " resolved)")
                .contains(", " + (store.firing().size() - listed) + " × 12 other alert names");

        AlertAnswers answers = new AlertAnswers(router, store);
        Set<String> reachable = new HashSet<>();
        for (String id : groupIdsIn(lastReply.get(summaryId).plainText())) {
            for (int page = 1; ; page++) {
                Reply answer = answers.group(id, page);
                if (!(answer.blocks().stream().filter(Block.Table.class::isInstance).findFirst().orElse(null)
                        instanceof Block.Table table)) {
                    break;
                }
                table.rows().forEach(row -> reachable.add(row.getFirst()));
            }
        }
        assertThat(reachable).hasSize(10_000)
                .containsAll(alerts.stream().map(Alert::fingerprint).toList());
    }

    private Set<String> groupIdsIn(String text) {
        Set<String> ids = new HashSet<>();
        Matcher words = Pattern.compile("\\b[a-z][a-z0-9]{5}\\b").matcher(text);
        while (words.find()) {
            if (router.group(words.group()).isPresent()) {
                ids.add(words.group());
            }
        }
        assertThat(ids).hasSize(100);
        return ids;
    }

    private static String[] flat(Map<String, String> labels) {
        return labels.entrySet().stream().filter(e -> !e.getKey().equals("alertname"))
                .flatMap(e -> java.util.stream.Stream.of(e.getKey(), e.getValue())).toArray(String[]::new);
    }
}
