package dev.switchboard.alerts.webhook;

/**
 * Told about every webhook request once it is decided: after the alerts are stored, or when it is refused. Called
 * on the request's thread, before the answer is returned; it should be quick. An exception from it is logged and
 * does not change the answer (the alerts are already stored).
 */
@FunctionalInterface
public interface HookListener {
    HookListener NONE = event -> { };

    void heard(HookEvent event);
}
