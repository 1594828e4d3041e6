package dev.switchboard.app.wiring;

import dev.switchboard.alerts.routing.AlertRouter;
import dev.switchboard.alerts.webhook.HookEvent;
import dev.switchboard.alerts.webhook.HookListener;
import dev.switchboard.api.audit.AuditEvent;
import dev.switchboard.api.audit.AuditEventType;
import dev.switchboard.api.audit.AuditLog;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the server does with each decided webhook request: audits it as {@code alert_received} (accepted ones with
 * the receiver and the store's counts; refused ones with {@code status=refused}, the HTTP status and the reason the
 * sender got, which never holds a secret) and hands accepted alerts to the {@link AlertRouter}. Called on the
 * request's thread; thread-safe (the audit log and the router are).
 */
final class AlertIntake implements HookListener {
    private static final Logger log = LoggerFactory.getLogger(AlertIntake.class);

    private final AuditLog audit;
    private final AlertRouter router;
    private final Clock clock;

    AlertIntake(AuditLog audit, AlertRouter router, Clock clock) {
        this.audit = audit;
        this.router = router;
        this.clock = clock;
    }

    @Override
    public void heard(HookEvent event) {
        switch (event) {
            case HookEvent.Accepted accepted -> {
                record(AuditEvent.builder(AuditEventType.ALERT_RECEIVED, clock.instant())
                        .detail("status", "accepted").detail("kind", accepted.kind())
                        .detail("receiver", accepted.receiver()).detail("alerts", accepted.alerts().size())
                        .detail("opened", accepted.stored().opened()).detail("resolved", accepted.stored().resolved())
                        .detail("repeated", accepted.stored().repeated()).detail("stale", accepted.stored().stale())
                        .detail("truncated", accepted.truncated() == 0 ? null : accepted.truncated()));
                router.accept(accepted.alerts());
            }
            case HookEvent.Refused refused -> record(AuditEvent.builder(AuditEventType.ALERT_RECEIVED,
                    clock.instant()).detail("status", "refused").detail("kind", refused.kind())
                    .detail("receiver", refused.receiver()).detail("httpStatus", refused.status())
                    .detail("reason", refused.reason()));
        }
    }

    private void record(AuditEvent.Builder event) {
        try {
            audit.record(event.build());
        } catch (RuntimeException e) {
            log.error("could not audit a webhook request", e);
        }
    }
}
