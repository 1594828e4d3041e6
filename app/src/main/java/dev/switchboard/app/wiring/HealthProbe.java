package dev.switchboard.app.wiring;

import dev.switchboard.api.chat.ChatAdapter;
import dev.switchboard.api.store.Storage;
import dev.switchboard.server.Readiness;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Readiness for {@code /readyz}: the database is probed every two seconds on a virtual thread (a dead database can
 * take seconds to time out, and probes must answer at once); adapters and config report their cached state.
 */
final class HealthProbe implements Readiness, AutoCloseable {
    private static final Duration INTERVAL = Duration.ofSeconds(2);

    private final ChatAdapter web;
    private final ConfigReloads reloads;
    private final Thread prober;
    private volatile boolean databaseOk;

    HealthProbe(Storage storage, ChatAdapter web, ConfigReloads reloads) {
        this.web = web;
        this.reloads = reloads;
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
        components.put(web.platform(), web.health().state().name().toLowerCase(java.util.Locale.ROOT));
        return new Report(databaseOk && web.health().ready(), components);
    }

    @Override
    public void close() {
        prober.interrupt();
    }
}
