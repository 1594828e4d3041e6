package dev.switchboard.app.wiring;

import dev.switchboard.api.chat.AdapterHealth;
import dev.switchboard.api.chat.ChatAdapter;
import dev.switchboard.api.store.Storage;
import dev.switchboard.server.Readiness;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Readiness for {@code /readyz}: the database is probed every two seconds on a virtual thread (a dead database can
 * take seconds to time out, and probes must answer at once); adapters and config report their cached state.
 *
 * <p>Ready means the database answers and the web chat is up. Every other chat platform is listed with its state
 * ({@code connected}, {@code connecting}, {@code reconnecting: <last error>}, {@code failed: <last error>}) but does
 * not make Switchboard unready: a remote chat server's outage is not cured by restarting this process, and each
 * adapter reconnects on its own. Error texts are user-safe by the adapter contract and redacted again here.
 */
final class HealthProbe implements Readiness, AutoCloseable {
    private static final Duration INTERVAL = Duration.ofSeconds(2);
    private static final int MAX_ERROR_CHARS = 300;

    private final ChatAdapter web;
    private final List<ChatAdapter> adapters;
    private final ConfigReloads reloads;
    private final UnaryOperator<String> redact;
    private final Thread prober;
    private volatile boolean databaseOk;

    /** @param adapters every adapter of the run, {@code web} among them */
    HealthProbe(Storage storage, ChatAdapter web, List<ChatAdapter> adapters, ConfigReloads reloads,
            UnaryOperator<String> redact) {
        this.web = web;
        this.adapters = List.copyOf(adapters);
        this.reloads = reloads;
        this.redact = redact;
        this.databaseOk = storage.healthy();
        this.prober = Thread.ofVirtual().name("health-probe").start(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    Thread.sleep(INTERVAL);
                    databaseOk = storage.healthy();
                } catch (InterruptedException e) {
                    return;
                } catch (RuntimeException e) {
                    databaseOk = false;
                }
            }
        });
    }

    @Override
    public Report check() {
        Map<String, String> components = new LinkedHashMap<>();
        components.put("database", databaseOk ? "ok" : "unreachable");
        components.put("config", reloads.lastRejected() ? "loaded (last change rejected, previous config in force)"
                : "loaded");
        for (ChatAdapter adapter : adapters) {
            components.put(adapter.platform(), describe(adapter.health()));
        }
        return new Report(databaseOk && web.health().ready(), components);
    }

    /** {@code connected}, or the state with the last error: {@code reconnecting: connection refused}. */
    String describe(AdapterHealth health) {
        String state = health.state().name().toLowerCase(Locale.ROOT);
        if (health.lastError() == null || health.lastError().isBlank()) {
            return state;
        }
        String error = redact.apply(health.lastError()).replaceAll("\\s+", " ").strip();
        return state + ": " + (error.length() > MAX_ERROR_CHARS ? error.substring(0, MAX_ERROR_CHARS) + "…" : error);
    }

    @Override
    public void close() {
        prober.interrupt();
    }
}
