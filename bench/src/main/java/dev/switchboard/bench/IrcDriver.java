package dev.switchboard.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntSupplier;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;

/**
 * End to end over a real IRC server: Switchboard ({@link IrcBot}: engine, H2, group-commit audit, the real
 * {@code IrcChatAdapter}) answers {@code echo <token>} from raw-socket users ({@link IrcLoad}), in one channel and
 * by private message. Scenarios: closed loop at 1, 16 and 64 users; open loop at a steady 1,000 commands/s; a burst
 * of 10,000 commands from 64 users. Each runs {@code --runs} times after a warm-up, and the medians are printed.
 * Starts ngIRCd with {@code scripts/peers/ngircd.sh} on a free loopback port unless {@code --host}/{@code --port}
 * name a server, and stops it by its PID at the end. That ngIRCd has no flood control ({@code MaxPenaltyTime = 0}),
 * which is why the bot's own rate limit may be set high ({@code --bot-rate}, {@code --bot-burst}).
 *
 * <pre>java -cp bench/target/benchmarks.jar dev.switchboard.bench.IrcDriver --runs 3</pre>
 */
public final class IrcDriver {
    private static final Map<String, String> DEFAULTS = Map.ofEntries(Map.entry("host", ""), Map.entry("port", "0"),
            Map.entry("script", ""), Map.entry("users", "1,16,64"), Map.entry("seconds", "10"),
            Map.entry("warmup", "5"), Map.entry("rate", "1000"), Map.entry("rate-seconds", "20"),
            Map.entry("rate-users", "64"), Map.entry("burst", "10000"), Map.entry("burst-users", "64"),
            Map.entry("runs", "3"), Map.entry("where", "dm,channel"), Map.entry("scenarios", "closed,open,burst"),
            Map.entry("bot-rate", "10000"), Map.entry("bot-burst", "10000"), Map.entry("wait", "10"),
            Map.entry("max-commands", "2000000"), Map.entry("bot", "switchboard"));
    static final String BOT = "sbbot";
    static final String CHANNEL = "#bench";
    static final String USER_PREFIX = "load";

    private IrcDriver() {}

    public static void main(String[] args) throws Exception {
        DriverOptions options = DriverOptions.parse(args, DEFAULTS);
        List<Integer> userCounts = Arrays.stream(options.text("users").split(",")).map(String::strip)
                .map(Integer::parseInt).toList();
        int users = Math.max(userCounts.stream().max(Integer::compare).orElse(1),
                Math.max(options.number("rate-users"), options.number("burst-users")));
        List<IrcLoad.Where> places = Arrays.stream(options.text("where").split(","))
                .map(w -> IrcLoad.Where.valueOf(w.strip().toUpperCase(Locale.ROOT))).toList();
        List<String> scenarios = List.of(options.text("scenarios").split(","));
        Duration wait = Duration.ofSeconds(options.number("wait"));
        try (Ircd ircd = server(options);
                BotUnderTest bot = bot(options, ircd, users);
                IrcLoad load = IrcLoad.connect(ircd.host(), ircd.port(), users, USER_PREFIX, BOT, CHANNEL,
                        bot.outboundLines(), bot.dispatcherQueue(), wait)) {
            System.out.printf("# %s%n# %s%n# %d cores; JDK %s; %d users connected%n", ircd.description(),
                    bot.description(), Runtime.getRuntime().availableProcessors(),
                    System.getProperty("java.vm.version"), users);
            int maxCommands = options.number("max-commands");
            Duration seconds = Duration.ofSeconds(options.number("seconds"));
            for (IrcLoad.Where where : places) {
                System.out.println("warm-up: " + load.closed(where, users,
                        Duration.ofSeconds(options.number("warmup")), maxCommands));
                if (scenarios.contains("closed")) {
                    for (int n : userCounts) {
                        repeat(options.number("runs"), bot, () -> load.closed(where, n, seconds, maxCommands));
                    }
                }
                if (scenarios.contains("open")) {
                    repeat(options.number("runs"), bot, () -> load.open(where, options.number("rate-users"),
                            options.number("rate"), Duration.ofSeconds(options.number("rate-seconds"))));
                }
                if (scenarios.contains("burst")) {
                    repeat(options.number("runs"), bot, () -> load.burst(where, options.number("burst-users"),
                            options.number("burst")));
                }
            }
            System.out.println("# refused as overloaded by the dispatcher over all runs: " + bot.refused().getAsLong());
        }
        // The Kitteh client can leave a non-daemon thread behind after the adapter stopped; do not wait for it.
        System.exit(0);
    }

    /** The bot being measured, with its queue-length probes (zero for the raw bot, which has no queues). */
    private record BotUnderTest(AutoCloseable bot, String description, IntSupplier outboundLines,
            IntSupplier dispatcherQueue, LongSupplier refused, Supplier<String> sendTimes)
            implements AutoCloseable {
        @Override
        public void close() throws Exception {
            bot.close();
        }
    }

    private static BotUnderTest bot(DriverOptions options, Ircd ircd, int users) throws InterruptedException {
        return switch (options.text("bot")) {
            case "switchboard" -> {
                IrcBot bot = IrcBot.start(ircd.host(), ircd.port(), BOT, CHANNEL, USER_PREFIX, users,
                        options.number("bot-rate"), options.number("bot-burst"));
                yield new BotUnderTest(bot, bot.description() + "; adapter rate " + options.number("bot-rate")
                        + " lines/s, burst " + options.number("bot-burst"), bot::outboundLines, bot::dispatcherQueue,
                        bot::refused, bot::sendTimes);
            }
            case "raw" -> {
                try {
                    RawEchoBot bot = RawEchoBot.start(ircd.host(), ircd.port(), BOT, CHANNEL);
                    yield new BotUnderTest(bot, "raw-socket echo bot (baseline: no engine, no audit, no IRC library)",
                            () -> 0, () -> 0, () -> 0, () -> "(no engine)");
                } catch (java.io.IOException e) {
                    throw new IllegalStateException("the raw echo bot could not connect: " + e.getMessage(), e);
                }
            }
            default -> throw new IllegalArgumentException("--bot expects switchboard or raw, got '"
                    + options.text("bot") + "'");
        };
    }

    private static Ircd server(DriverOptions options) {
        if (!options.text("host").isBlank()) {
            return Ircd.given(options.text("host"), options.number("port"));
        }
        Path script = options.text("script").isBlank()
                ? Ircd.findScript().orElseThrow(() -> new IllegalStateException(
                        "scripts/peers/ngircd.sh not found above " + Path.of("").toAbsolutePath()
                                + "; run from the repository or pass --script or --host/--port"))
                : Path.of(options.text("script"));
        return Ircd.start(script);
    }

    /** One scenario, measured {@code runs} times. */
    @FunctionalInterface
    private interface Scenario {
        IrcLoad.Result run() throws InterruptedException;
    }

    private static void repeat(int runs, BotUnderTest bot, Scenario scenario) throws InterruptedException {
        List<IrcLoad.Result> results = new ArrayList<>();
        for (int run = 1; run <= runs; run++) {
            bot.sendTimes().get();
            IrcLoad.Result result = scenario.run();
            results.add(result);
            System.out.println("  run " + run + " " + result + "\n      " + bot.sendTimes().get());
        }
        System.out.println(median(results));
    }

    /** The median of each figure over the runs (each on its own, so they may come from different runs). */
    static String median(List<IrcLoad.Result> results) {
        return String.format(Locale.ROOT, "MEDIAN of %d | %s | %.0f replies/s | p50 %.2f ms | p90 %.2f ms | p99 %.2f ms"
                + " | max %.2f ms | %.0f ms | lost %s", results.size(), results.getFirst().scenario(),
                median(results, IrcLoad.Result::perSecond), median(results, r -> r.latency().p50() / 1e6),
                median(results, r -> r.latency().p90() / 1e6), median(results, r -> r.latency().p99() / 1e6),
                median(results, r -> r.latency().max() / 1e6), median(results, r -> r.elapsed().toMillis()),
                results.stream().map(r -> Integer.toString(r.lost())).toList());
    }

    private static double median(List<IrcLoad.Result> results, ToDoubleFunction<IrcLoad.Result> figure) {
        double[] values = results.stream().mapToDouble(figure).sorted().toArray();
        return values.length % 2 == 1 ? values[values.length / 2]
                : (values[values.length / 2 - 1] + values[values.length / 2]) / 2;
    }
}
