package dev.switchboard.app.wiring;

import dev.switchboard.alerts.desk.AlertCommands;
import dev.switchboard.alerts.routing.AlertRouter;
import dev.switchboard.api.IdGenerator;
import dev.switchboard.api.SwitchboardException;
import dev.switchboard.api.audit.AuditEvent;
import dev.switchboard.api.audit.AuditEventType;
import dev.switchboard.api.chat.PlatformUser;
import dev.switchboard.api.identity.IdentityResolver;
import dev.switchboard.app.logging.LogRedaction;
import dev.switchboard.chat.web.WebChatAdapter;
import dev.switchboard.config.CommandChecker;
import dev.switchboard.config.ConfigLoader;
import dev.switchboard.config.ConfigWatcher;
import dev.switchboard.config.LoadResult;
import dev.switchboard.config.SwitchboardConfig;
import dev.switchboard.core.Engine;
import dev.switchboard.core.audit.GroupCommitAuditLog;
import dev.switchboard.core.chat.AdapterGateway;
import dev.switchboard.core.chat.Outbox;
import dev.switchboard.core.command.ActiveCommands;
import dev.switchboard.core.identity.ConfiguredIdentityResolver;
import dev.switchboard.core.identity.User;
import dev.switchboard.core.identity.UserDirectory;
import dev.switchboard.core.incident.RoomSettings;
import dev.switchboard.core.job.JobRunner;
import dev.switchboard.core.job.JobSettings;
import dev.switchboard.core.approval.ApprovalSettings;
import dev.switchboard.core.redact.Redactor;
import dev.switchboard.server.HttpServer;
import dev.switchboard.server.ServerSettings;
import dev.switchboard.store.JdbcStorage;
import dev.switchboard.store.StorageSettings;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running Switchboard: the one place where configuration becomes objects, in the order they depend on each
 * other, and where they are closed in reverse. Everything is constructed by hand; nothing is discovered except
 * plugins (and those are enabled by config).
 */
public final class SwitchboardServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SwitchboardServer.class);

    private final List<AutoCloseable> shutdown;
    private final HttpServer http;
    private final int recoveredJobs;

    private final String bind;

    private SwitchboardServer(List<AutoCloseable> shutdown, HttpServer http, String bind, int recoveredJobs) {
        this.bind = bind;
        this.shutdown = new ArrayList<>(shutdown);
        this.http = http;
        this.recoveredJobs = recoveredJobs;
    }

    /** Loads, checks and starts everything; on any problem, closes what was started and says why. */
    public static Startup start(Path configFile, OptionalInt portOverride, Clock clock) {
        ConfigLoader loader = new ConfigLoader();
        if (!(loader.load(configFile, CommandChecker.NONE) instanceof LoadResult.Loaded shape)) {
            return refused(loader.load(configFile, CommandChecker.NONE));
        }
        Plugins plugins = Plugins.load(shape.config().plugins(), configDir(configFile), clock);
        List<String> missing = plugins.missing(shape.config().plugins());
        if (!missing.isEmpty()) {
            return Startup.Refused.because("plugins: no plugin named " + String.join(", ", missing)
                    + " is installed; available: " + String.join(", ", plugins.available()));
        }
        CommandSets commandSets = new CommandSets(plugins);
        LoadResult checked = loader.load(configFile, commandSets);
        if (!(checked instanceof LoadResult.Loaded loaded)) {
            return refused(checked);
        }
        List<String> unenforced = UnenforcedSettings.problems(loaded.config());
        if (!unenforced.isEmpty()) {
            return new Startup.Refused(unenforced);
        }
        if (Policies.of(loaded.config(), commandSets.known(loaded.config().commands())) instanceof Policies.Built.Rejected badPolicy) {
            return new Startup.Refused(badPolicy.problems());
        }
        SwitchboardConfig config = withPort(loaded.config(), portOverride);
        if (config.chat().web().login() == dev.switchboard.config.WebChatConfig.Login.OPEN) {
            log.warn("web chat login is OPEN: anyone who can reach this port may log in as any configured web user "
                    + "by name alone. Use it for the local demo only (chat.web.login: password otherwise).");
        }
        List<AutoCloseable> opened = new ArrayList<>();
        try {
            return new Startup.Running(assemble(config, loader, commandSets, plugins, clock, opened));
        } catch (SwitchboardException | IllegalArgumentException e) {
            closeAll(opened);
            return Startup.Refused.because(e.getMessage());
        }
    }

    private static SwitchboardServer assemble(SwitchboardConfig config, ConfigLoader loader, CommandSets commandSets,
            Plugins plugins, Clock clock, List<AutoCloseable> opened) {
        IdGenerator ids = IdGenerator.random();
        JdbcStorage storage = JdbcStorage.open(StorageSettings.of(config.storage().url(), config.storage().user(),
                config.storage().password()));
        opened.add(storage);
        GroupCommitAuditLog audit = new GroupCommitAuditLog(storage.audit());
        opened.add(audit);
        Redactor redactor = Redactor.of(config.secretValues(), config.security().redact());
        AutoCloseable logRedaction = LogRedaction.add(redactor);
        opened.add(logRedaction);
        ChatAdapters chats = ChatAdapters.build(config.chat(), clock);
        WebChatAdapter web = chats.web();
        // Every reply goes through the outbox: straight to the platform when it is up, queued in the database
        // (in order, per conversation) while it is down, and reported if it can never be delivered.
        Outbox gateway = new Outbox(new AdapterGateway(chats.all()), storage.outbox(), clock,
                Outbox.Settings.defaults(), new UndeliveredMessages(audit, clock));
        gateway.start();
        opened.add(gateway);
        ActiveCommands commands = new ActiveCommands(commandSets.build(config.commands()));
        JobRunner jobs = new JobRunner(storage.jobs(), storage.locks(), audit, gateway, commands, clock, ids,
                jobSettings(config), redactor::redact);
        opened.add(jobs);
        AtomicReference<IdentityResolver> identity = new AtomicReference<>(identityOf(config));
        AtomicReference<UserDirectory> users = new AtomicReference<>(directoryOf(config));
        Policies.Current policy = new Policies.Current(((Policies.Built.Ready) Policies.of(config,
                commandSets.known(config.commands()))).policy());
        Engine.Builder engineBuilder = Engine.builder().clock(clock).ids(ids)
                .identity((PlatformUser user) -> identity.get().resolve(user))
                .policy(policy).users(users::get)
                .commands(commands).jobs(jobs).audit(audit, storage.audit()).gateway(gateway).redactor(redactor)
                .pending(storage.pending()).approvals(approvalSettings(config)).inbound(storage.inboundEvents())
                .chatHealth(chats::health)
                .incidents(storage.incidents(), config.incidents().announce())
                .incidentRooms(config.incidents().rooms() == null ? null : new RoomSettings(
                        config.incidents().rooms().platform(), config.incidents().rooms().prefix()));
        // The router exists before the engine, so the alert commands can act on its groups.
        AlertRouter router = RunningAlerts.restoredRouter(config.alerts(), storage, clock);
        AlertCommands alertCommands = router == null ? null
                : RunningAlerts.commands(config.alerts(), router, storage, audit, clock, redactor);
        if (alertCommands != null) {
            engineBuilder.alerts(alertCommands);
        }
        plugins.stages().forEach(s -> engineBuilder.stage(s.getKey(), s.getValue()));
        Engine engine = engineBuilder.build();
        opened.add(engine);
        Housekeeping housekeeping = Housekeeping.start(engine.expiry(), storage, clock);
        opened.add(housekeeping);

        AtomicReference<SwitchboardConfig> current = new AtomicReference<>(config);
        AtomicReference<RunningAlerts> alerts = new AtomicReference<>();
        ConfigReloads reloads = new ConfigReloads(current, commandSets, commands,
                next -> {
                    identity.set(identityOf(next));
                    users.set(directoryOf(next));
                    policy.replace(((Policies.Built.Ready) Policies.of(next, commandSets.known(next.commands())))
                            .policy());
                    alerts.get().apply(next.alerts());
                }, audit, gateway, clock, redactor)
                .checking(next -> RunningAlerts.problems(next.alerts()))
                .restarting(next -> alerts.get().needsRestart(next.alerts()));
        HealthProbe health = new HealthProbe(storage, web, chats.all(), reloads, redactor::redact);
        opened.add(health);
        HttpServer http = HttpServer.create(new ServerSettings(config.server().bind(), config.server().port()),
                health, new ConfiguredLogins(current::get), clock, ids);
        if (config.chat().web().enabled()) {
            http.webSocket("/chat/ws", new WebChatBridge(web));
        }
        chats.slack().ifPresent(slack -> SlackRoutes.mount(http, slack));
        alerts.set(RunningAlerts.start(config.alerts(), router, alertCommands, http, storage, audit, gateway, clock));
        AutoCloseable alertPosts = alerts.get();
        opened.add(alertPosts);
        RestApiRoutes.mount(http, config, policy, commands, users::get, audit, storage, router, clock, ids);
        if (config.chat().mattermost() != null && config.chat().mattermost().buttons()) {
            chats.mattermost().ifPresent(mattermost -> MattermostRoutes.mount(http, mattermost));
        }
        http.start();
        opened.add(http::stop);
        chats.start(engine.sink());
        opened.add(chats);

        audit.record(AuditEvent.builder(AuditEventType.CONFIG_RELOADED, clock.instant())
                .detail("sha256", config.sha256()).detail("summary", "loaded at start").build());
        int recovered = jobs.recoverAfterRestart();
        ConfigWatcher watcher = ConfigWatcher.start(loader, config, commandSets, reloads);
        opened.add(watcher);
        log.info("Switchboard is ready on http://{}:{}/ ({} commands, {} users, {}, chat: {}){}",
                config.server().bind(), http.port(), config.commands().size(), config.users().size(),
                storage.describe(), String.join(", ", chats.all().stream().map(a -> a.platform()).toList()),
                recovered > 0 ? "; " + recovered + " job(s) were interrupted by the last stop" : "");
        // Shutdown order: stop taking changes and messages, then stop running jobs while the chat can still be
        // told about them, then every chat adapter (newest first), the outbox and HTTP, and the audit log and
        // database last.
        List<AutoCloseable> shutdown = List.of(watcher, housekeeping, alertPosts, engine, jobs, chats, gateway, http::stop,
                health, audit, storage, logRedaction);
        return new SwitchboardServer(shutdown, http, config.server().bind(), recovered);
    }

    /** Where the web chat is, e.g. {@code http://127.0.0.1:8080/}, with the port actually bound. */
    public String address() {
        return "http://" + bind + ":" + http.port() + "/";
    }

    /** The HTTP port actually bound (useful with port 0). */
    public int port() {
        return http.port();
    }

    /** How many jobs were found interrupted at start-up. */
    public int recoveredJobs() {
        return recoveredJobs;
    }

    /** Stops everything in {@code shutdown} order; idempotent. */
    @Override
    public synchronized void close() {
        for (AutoCloseable part : shutdown) {
            closeQuietly(part);
        }
        shutdown.clear();
    }

    /** Closes what a failed start had opened, newest first. */
    private static void closeAll(List<AutoCloseable> opened) {
        for (int i = opened.size() - 1; i >= 0; i--) {
            closeQuietly(opened.get(i));
        }
        opened.clear();
    }

    private static void closeQuietly(AutoCloseable part) {
        try {
            part.close();
        } catch (Exception e) {
            log.warn("while stopping: {}", e.toString());
        }
    }

    /** Confirmation TTL and break-glass from {@code security:}; read at start (changing them needs a restart). */
    private static ApprovalSettings approvalSettings(SwitchboardConfig config) {
        var security = config.security();
        return new ApprovalSettings(security.confirmations().ttl(), Set.copyOf(security.breakGlass().groups()),
                security.breakGlass().announce());
    }

    private static IdentityResolver identityOf(SwitchboardConfig config) {
        return new ConfiguredIdentityResolver(config.users().stream()
                .map(u -> new User(u.id(), u.accounts(), new LinkedHashSet<>(u.groups()))).toList());
    }

    private static UserDirectory directoryOf(SwitchboardConfig config) {
        return new UserDirectory(config.users().stream()
                .map(u -> new User(u.id(), u.accounts(), new LinkedHashSet<>(u.groups()))).toList(),
                new LinkedHashSet<>(config.admins().groups()));
    }

    private static JobSettings jobSettings(SwitchboardConfig config) {
        return new JobSettings(config.jobs().ackAfter(), config.jobs().editInterval(), config.jobs().outputLines(),
                15, config.jobs().node(), Duration.ofMillis(250));
    }

    private static SwitchboardConfig withPort(SwitchboardConfig c, OptionalInt port) {
        if (port.isEmpty()) {
            return c;
        }
        return new SwitchboardConfig(c.server().withPort(port.getAsInt()),
                c.storage(), c.chat(), c.users(), c.commands(), c.policy(), c.admins(), c.jobs(), c.security(),
                c.plugins(), c.alerts(), c.incidents(), c.files(), c.secretValues(), c.sha256());
    }

    private static Path configDir(Path configFile) {
        Path parent = configFile.toAbsolutePath().getParent();
        return parent != null ? parent : Path.of(".").toAbsolutePath();
    }

    private static Startup refused(LoadResult result) {
        return switch (result) {
            case LoadResult.Rejected r -> new Startup.Refused(r.errors().stream().map(Object::toString).toList());
            case LoadResult.Loaded l -> throw new IllegalStateException("not a rejection");
        };
    }
}
