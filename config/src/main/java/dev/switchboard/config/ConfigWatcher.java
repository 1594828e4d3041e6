package dev.switchboard.config;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches the config files (the main file and its includes) and reloads them with the same checker when they
 * change: JDK {@link WatchService} events on their directories, plus a poll of each file's modification time and
 * size (WatchService can be slow or silent, e.g. on some container mounts). Changes are debounced, so an editor's
 * burst of writes is one reload. Each reload ends in exactly one listener call: {@code reloaded} with the new
 * config, or {@code rejected} with every error. A reload that yields the config already delivered (same
 * {@code sha256}), or the same errors as the last rejection, is not reported again.
 *
 * <p>The watcher does not keep a config itself: <b>keeping the last good config on a rejected reload, and telling
 * the admins, is the listener's decision.</b> The listener is called on the watcher's single daemon thread; an
 * exception it throws is logged and the watching goes on. {@link #close()} stops the thread.
 */
public final class ConfigWatcher implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ConfigWatcher.class);
    private static final Duration MAX_DELAY = Duration.ofSeconds(3);

    /** Receives the outcome of each reload, on the watcher thread. */
    public interface Listener {
        /** The files changed and now hold this valid config. */
        void reloaded(SwitchboardConfig config);

        /** The files changed but do not hold a valid config; the errors are safe to show to admins. */
        void rejected(List<ConfigError> errors);
    }

    private record Stamp(boolean exists, long modified, long size) {}

    private final ConfigLoader loader;
    private final Path mainFile;
    private final CommandChecker checker;
    private final Listener listener;
    private final long debounceNanos;
    private final long pollNanos;
    private final WatchService watchService;
    private final Map<Path, WatchKey> watchedDirs = new HashMap<>();
    private final Set<Path> files = new LinkedHashSet<>();
    private final Map<Path, Stamp> stamps = new HashMap<>();
    private final Thread thread;
    private volatile boolean closed;
    private String deliveredSha;
    private List<ConfigError> deliveredErrors;

    private ConfigWatcher(ConfigLoader loader, SwitchboardConfig current, CommandChecker checker, Listener listener,
            Duration debounce, Duration pollInterval) throws IOException {
        this.loader = Objects.requireNonNull(loader, "loader");
        this.mainFile = current.files().getFirst();
        this.checker = Objects.requireNonNull(checker, "checker");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.debounceNanos = debounce.toNanos();
        this.pollNanos = pollInterval.toNanos();
        this.deliveredSha = current.sha256();
        this.watchService = FileSystems.getDefault().newWatchService();
        follow(current.files());
        this.thread = Thread.ofPlatform().daemon().name("config-watcher").unstarted(this::run);
    }

    /** Watches the files of {@code current} with a 300 ms debounce and a 1 s poll. */
    public static ConfigWatcher start(ConfigLoader loader, SwitchboardConfig current, CommandChecker checker,
            Listener listener) {
        return start(loader, current, checker, listener, Duration.ofMillis(300), Duration.ofSeconds(1));
    }

    /**
     * Watches the files of {@code current} (its first file is the main one), reloading {@code debounce} after the
     * last change seen and polling file stamps every {@code pollInterval}.
     *
     * @throws java.io.UncheckedIOException if the platform cannot watch files at all
     */
    public static ConfigWatcher start(ConfigLoader loader, SwitchboardConfig current, CommandChecker checker,
            Listener listener, Duration debounce, Duration pollInterval) {
        try {
            ConfigWatcher watcher = new ConfigWatcher(loader, current, checker, listener, debounce, pollInterval);
            watcher.thread.start();
            return watcher;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot watch the config files", e);
        }
    }

    /** Stops watching; a reload in progress finishes first (bounded by a short wait). Idempotent. */
    @Override
    public void close() {
        closed = true;
        try {
            watchService.close();
        } catch (IOException e) {
            log.debug("closing the config watch service failed", e);
        }
        thread.interrupt();
        if (Thread.currentThread() != thread) {
            try {
                thread.join(Duration.ofSeconds(2));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void run() {
        long pendingSince = -1;
        long lastChange = -1;
        long lastPoll = System.nanoTime();
        while (!closed) {
            long now = System.nanoTime();
            long wait = pendingSince < 0 ? pollNanos : Math.min(pollNanos, lastChange + debounceNanos - now);
            boolean changed;
            try {
                changed = awaitEvents(Math.max(1, wait));
            } catch (InterruptedException | ClosedWatchServiceException e) {
                return;
            }
            now = System.nanoTime();
            if (now - lastPoll >= pollNanos) {
                changed |= stampsChanged();
                lastPoll = now;
            }
            if (changed) {
                pendingSince = pendingSince < 0 ? now : pendingSince;
                lastChange = now;
            }
            if (pendingSince >= 0 && (now - lastChange >= debounceNanos || now - pendingSince >= MAX_DELAY.toNanos())) {
                pendingSince = -1;
                reload();
            }
        }
    }

    private boolean awaitEvents(long nanos) throws InterruptedException {
        WatchKey key = watchService.poll(nanos, TimeUnit.NANOSECONDS);
        boolean relevant = false;
        while (key != null) {
            Path dir = (Path) key.watchable();
            for (WatchEvent<?> event : key.pollEvents()) {
                relevant |= event.kind() == StandardWatchEventKinds.OVERFLOW
                        || event.context() instanceof Path name && files.contains(dir.resolve(name));
            }
            if (!key.reset()) {
                watchedDirs.values().remove(key);
            }
            key = watchService.poll();
        }
        return relevant;
    }

    private void reload() {
        files.forEach(f -> stamps.put(f, stamp(f)));
        LoadResult result = loader.load(mainFile, checker);
        if (closed) {
            return;
        }
        try {
            switch (result) {
                case LoadResult.Loaded loaded -> {
                    follow(loaded.config().files());
                    deliveredErrors = null;
                    if (!loaded.config().sha256().equals(deliveredSha)) {
                        deliveredSha = loaded.config().sha256();
                        log.info("config reloaded from {} (sha256 {})", mainFile, deliveredSha);
                        listener.reloaded(loaded.config());
                    }
                }
                case LoadResult.Rejected rejected -> {
                    deliveredSha = null;
                    if (!rejected.errors().equals(deliveredErrors)) {
                        deliveredErrors = rejected.errors();
                        log.warn("config reload rejected with {} error(s), first: {}", rejected.errors().size(),
                                rejected.errors().getFirst());
                        listener.rejected(rejected.errors());
                    }
                }
            }
        } catch (RuntimeException e) {
            log.error("the config listener failed; watching goes on", e);
        }
    }

    /** Adds files to watch (never drops one: a file that left the includes may come back) and their dirs. */
    private void follow(List<Path> newFiles) {
        for (Path file : newFiles) {
            Path absolute = file.toAbsolutePath().normalize();
            if (files.add(absolute)) {
                stamps.put(absolute, stamp(absolute));
            }
            Path dir = absolute.getParent();
            if (dir != null && !watchedDirs.containsKey(dir)) {
                try {
                    watchedDirs.put(dir, dir.register(watchService, StandardWatchEventKinds.ENTRY_CREATE,
                            StandardWatchEventKinds.ENTRY_MODIFY, StandardWatchEventKinds.ENTRY_DELETE));
                } catch (IOException | RuntimeException e) {
                    log.warn("cannot watch {} for changes; relying on polling ({})", dir, e.toString());
                }
            }
        }
    }

    private boolean stampsChanged() {
        boolean changed = false;
        for (Path file : files) {
            Stamp now = stamp(file);
            changed |= !now.equals(stamps.put(file, now));
        }
        return changed;
    }

    private static Stamp stamp(Path file) {
        try {
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
            return new Stamp(true, a.lastModifiedTime().to(TimeUnit.NANOSECONDS), a.size());
        } catch (IOException e) {
            return new Stamp(false, 0, 0);
        }
    }
}
