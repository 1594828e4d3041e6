package dev.switchboard.bench;

import dev.switchboard.api.chat.MessageSink;
import dev.switchboard.chat.irc.IrcChatAdapter;
import dev.switchboard.chat.irc.IrcSettings;
import dev.switchboard.core.chat.AdapterGateway;
import dev.switchboard.core.chat.Dispatcher;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Switchboard as an IRC bot under load: a {@link BenchEngine} over a fresh H2 file database (every command audited
 * through the real group-commit log; {@code echo} runs as a {@code reply} job) answering through the real
 * {@link IrcChatAdapter}, connected and joined to one channel. The load users {@code <nickPrefix>0..n-1} are
 * configured users, so they may run {@code echo}. {@link #close()} stops the adapter, then the engine, then deletes
 * the database. Thread-safe for the queue-length probes.
 */
final class IrcBot implements AutoCloseable {
    private final BenchDatabase database;
    private final IrcChatAdapter adapter;
    private final BenchEngine engine;
    private final TimedGateway gateway;

    private IrcBot(BenchDatabase database, IrcChatAdapter adapter, BenchEngine engine, TimedGateway gateway) {
        this.database = database;
        this.adapter = adapter;
        this.engine = engine;
        this.gateway = gateway;
    }

    /**
     * Starts the bot and waits (at most 30 s) until it is registered and in {@code channel}.
     *
     * @param linesPerSecond the adapter's outbound rate; set high for a server without flood control
     * @param burst the adapter's outbound burst (token bucket size)
     */
    static IrcBot start(String host, int port, String nick, String channel, String nickPrefix, int users,
            double linesPerSecond, int burst) throws InterruptedException {
        IrcSettings settings = IrcSettings.of(host, port, nick, List.of(channel))
                .withRate(linesPerSecond, burst)
                .withQueue(Duration.ofSeconds(60), 50_000);
        IrcChatAdapter adapter = new IrcChatAdapter(settings);
        BenchDatabase database = BenchDatabase.open("h2");
        BenchEngine engine;
        TimedGateway gateway = new TimedGateway(new AdapterGateway(List.of(adapter)));
        try {
            List<String> accounts = IntStream.range(0, users).mapToObj(i -> "irc:" + nickPrefix + i).toList();
            engine = BenchEngine.start(database.settings(), gateway, accounts);
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
        IrcBot bot = new IrcBot(database, adapter, engine, gateway);
        try {
            adapter.start(gateway.noting(engine.sink()));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (!adapter.health().ready()) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the IRC adapter did not connect to " + host + ":" + port
                            + " within 30 s: " + adapter.health());
                }
                Thread.sleep(20); // polling the adapter's health; bounded by the deadline above
            }
            return bot;
        } catch (RuntimeException | InterruptedException e) {
            bot.close();
            throw e;
        }
    }

    /** Outbound IRC lines written or waiting but not yet confirmed by the server's PONG. */
    int outboundLines() {
        return adapter.queuedLines();
    }

    /** Messages waiting in the engine's dispatcher for a handler. */
    int dispatcherQueue() {
        MessageSink sink = engine.sink();
        return sink instanceof Dispatcher dispatcher ? dispatcher.queued() : 0;
    }

    /** How long replies waited in the adapter's {@code send} since the last call (write and PONG confirmation). */
    String sendTimes() {
        return "time in the adapter's send (write + PONG): " + gateway.takeSummary()
                + "\n      hand-over to the engine until it replied (per conversation): " + gateway.takeEngineSummary();
    }

    /** Messages the dispatcher refused as overloaded since start. */
    long refused() {
        MessageSink sink = engine.sink();
        return sink instanceof Dispatcher dispatcher ? dispatcher.refused() : 0;
    }

    /** What the bot runs on, for the printed results. */
    String description() {
        return "Switchboard engine on " + database.description() + ", IrcChatAdapter (Kitteh) " + adapter.health().state();
    }

    @Override
    public void close() {
        adapter.stop();
        engine.close();
        database.close();
    }
}
