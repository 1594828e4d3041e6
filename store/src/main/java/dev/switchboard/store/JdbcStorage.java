package dev.switchboard.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.switchboard.api.StorageException;
import dev.switchboard.api.alert.AlertAcks;
import dev.switchboard.api.alert.AlertGroupStore;
import dev.switchboard.api.alert.AlertPages;
import dev.switchboard.api.alert.AlertStore;
import dev.switchboard.api.approval.PendingStore;
import dev.switchboard.api.audit.AuditStore;
import dev.switchboard.api.incident.IncidentStore;
import dev.switchboard.api.job.JobStore;
import dev.switchboard.api.job.LockStore;
import dev.switchboard.api.store.Storage;
import dev.switchboard.store.alert.JdbcAlertAcks;
import dev.switchboard.store.alert.JdbcAlertGroupStore;
import dev.switchboard.store.alert.JdbcAlertPages;
import dev.switchboard.store.alert.JdbcAlertStore;
import dev.switchboard.store.incident.JdbcIncidentStore;
import dev.switchboard.store.approval.JdbcPendingStore;
import dev.switchboard.api.chat.InboundEvents;
import dev.switchboard.api.chat.OutboxStore;
import dev.switchboard.store.audit.JdbcAuditStore;
import dev.switchboard.store.chat.JdbcInboundEvents;
import dev.switchboard.store.chat.JdbcOutboxStore;
import dev.switchboard.store.internal.Database;
import dev.switchboard.store.job.JdbcJobStore;
import dev.switchboard.store.job.JdbcLockStore;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.TimeUnit;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The stores on one pooled JDBC database, H2 or PostgreSQL. {@link #open} connects, migrates the schema and fails
 * with a clear {@link StorageException} if the database cannot be reached. Thread-safe; {@link #close()} is
 * idempotent, and every store call after it throws {@link StorageException}.
 */
public final class JdbcStorage implements Storage {
    private static final Logger log = LoggerFactory.getLogger(JdbcStorage.class);
    private static final long CONNECTION_TIMEOUT_MS = TimeUnit.SECONDS.toMillis(3);
    private static final int HEALTH_TIMEOUT_SECONDS = 1;

    private final HikariDataSource pool;
    private final Database database;
    private final String description;
    private final JdbcAuditStore audit;
    private final JdbcJobStore jobs;
    private final JdbcLockStore locks;
    private final JdbcPendingStore pending;
    private final JdbcInboundEvents inboundEvents;
    private final JdbcOutboxStore outbox;
    private final JdbcAlertStore alerts;
    private final JdbcAlertAcks acks;
    private final JdbcAlertPages pages;
    private final JdbcAlertGroupStore alertGroups;
    private final JdbcIncidentStore incidents;

    private JdbcStorage(HikariDataSource pool, Database database, String description) {
        this.pool = pool;
        this.database = database;
        this.description = description;
        this.audit = new JdbcAuditStore(database);
        this.jobs = new JdbcJobStore(database);
        this.locks = new JdbcLockStore(database);
        this.pending = new JdbcPendingStore(database);
        this.inboundEvents = new JdbcInboundEvents(database);
        this.outbox = new JdbcOutboxStore(database);
        this.alerts = new JdbcAlertStore(database);
        this.acks = new JdbcAlertAcks(database);
        this.pages = new JdbcAlertPages(database);
        this.alertGroups = new JdbcAlertGroupStore(database);
        this.incidents = new JdbcIncidentStore(database);
    }

    /**
     * Connects to the database in {@code settings}, runs pending migrations and returns the open storage.
     *
     * @throws IllegalArgumentException if the URL is neither H2 nor PostgreSQL
     * @throws StorageException if the database cannot be reached or migrated ("cannot open database ...: ...")
     */
    public static JdbcStorage open(StorageSettings settings) {
        DatabaseUrl url = DatabaseUrl.parse(settings.url());
        HikariDataSource pool = connect(settings, url);
        Database database = new Database(pool, settings.password());
        try {
            migrate(pool);
        } catch (FlywayException e) {
            pool.close();
            throw new StorageException("cannot migrate the schema of " + url.redacted() + ": "
                    + database.mask(firstLine(e.getMessage())), e);
        }
        JdbcStorage storage = new JdbcStorage(pool, database, url.describe());
        log.info("storage open: {}", storage.describe());
        return storage;
    }

    private static HikariDataSource connect(StorageSettings settings, DatabaseUrl url) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("switchboard-store");
        config.setJdbcUrl(url.forConnecting());
        if (settings.user() != null) {
            config.setUsername(settings.user());
        }
        if (settings.password() != null) {
            config.setPassword(settings.password());
        }
        config.setMaximumPoolSize(settings.maxPoolSize());
        config.setMinimumIdle(Math.min(2, settings.maxPoolSize()));
        config.setConnectionTimeout(CONNECTION_TIMEOUT_MS);
        config.setValidationTimeout(TimeUnit.SECONDS.toMillis(HEALTH_TIMEOUT_SECONDS));
        if (url.vendor() == DatabaseUrl.Vendor.POSTGRESQL) {
            // One multi-row INSERT per audit batch instead of one round trip per row.
            config.addDataSourceProperty("reWriteBatchedInserts", "true");
            config.addDataSourceProperty("connectTimeout", "3");
            config.addDataSourceProperty("ApplicationName", "switchboard");
        }
        try {
            return new HikariDataSource(config);
        } catch (RuntimeException e) {
            String reason = rootReason(e);
            String masked = settings.password() == null || settings.password().isEmpty()
                    ? reason : reason.replace(settings.password(), "***");
            throw new StorageException("cannot open database " + url.redacted() + ": " + masked, e);
        }
    }

    private static void migrate(HikariDataSource pool) {
        Flyway.configure()
                .dataSource(pool)
                .locations("classpath:db/migration")
                .load()
                .migrate();
    }

    @Override
    public AuditStore audit() {
        return audit;
    }

    @Override
    public JobStore jobs() {
        return jobs;
    }

    @Override
    public LockStore locks() {
        return locks;
    }

    /**
     * Confirmations and approvals waiting for a person, on this database. Not part of {@link Storage} (an api port
     * this module may not change), so callers that want them durable hold a {@code JdbcStorage}.
     */
    public PendingStore pending() {
        return pending;
    }

    /**
     * The platform events already handled, for the dispatcher's durable de-duplication. Not part of {@link Storage}
     * (see {@link #pending()}).
     */
    public InboundEvents inboundEvents() {
        return inboundEvents;
    }

    /** The outbound queue behind the chat outbox. Not part of {@link Storage} (see {@link #pending()}). */
    public OutboxStore outbox() {
        return outbox;
    }

    /** Received alerts and their firing and resolved history. Not part of {@link Storage} (see {@link #pending()}). */
    public AlertStore alerts() {
        return alerts;
    }

    /** Who acked which alerts from chat. Not part of {@link Storage} (see {@link #pending()}). */
    public AlertAcks acks() {
        return acks;
    }

    /**
     * Which dedup key {@code escalate} paged to which service, so ack and resolve reach it after a restart. Not part
     * of {@link Storage} (see {@link #pending()}).
     */
    public AlertPages pages() {
        return pages;
    }

    /** The alert router's groups, so they survive a restart. Not part of {@link Storage} (see {@link #pending()}). */
    public AlertGroupStore alertGroups() {
        return alertGroups;
    }

    /** Incidents and their timelines. Not part of {@link Storage} (see {@link #pending()}). */
    public IncidentStore incidents() {
        return incidents;
    }

    /** True if a pooled connection answers a validity check within about a second (three when none is idle). */
    @Override
    public boolean healthy() {
        if (database.isClosed()) {
            return false;
        }
        try (Connection connection = pool.getConnection()) {
            return connection.isValid(HEALTH_TIMEOUT_SECONDS);
        } catch (SQLException | RuntimeException e) {
            log.debug("storage health check failed: {}", database.mask(e.getMessage()));
            return false;
        }
    }

    @Override
    public String describe() {
        return description;
    }

    @Override
    public void close() {
        if (!database.isClosed()) {
            database.markClosed();
            pool.close();
            log.info("storage closed: {}", description);
        }
    }

    @Override
    public String toString() {
        return "JdbcStorage[" + description + "]";
    }

    /** The driver's message if there is one ("Connection to 127.0.0.1:5432 refused..."), else the root cause's. */
    private static String rootReason(Throwable e) {
        Throwable deepest = e;
        Throwable t = e;
        for (int depth = 0; t != null && depth < 20; depth++, t = t.getCause()) {
            if (t instanceof SQLException && t.getMessage() != null) {
                return firstLine(t.getMessage());
            }
            deepest = t;
        }
        return deepest.getMessage() == null ? deepest.getClass().getSimpleName() : firstLine(deepest.getMessage());
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unknown reason";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
