package dev.switchboard.api.incident;

import dev.switchboard.api.chat.ConversationRef;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/** An incident being declared, before the store gives it its id. {@code commander} is the declarer unless named. */
public record NewIncident(String title, Incident.Severity severity, String commander, ConversationRef conversation,
        Instant declaredAt) {
    public NewIncident {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(commander, "commander");
        Objects.requireNonNull(conversation, "conversation");
        Objects.requireNonNull(declaredAt, "declaredAt");
    }

    /** The incident this becomes under {@code number}, at revision 1, status declared. */
    public Incident as(long number) {
        return new Incident(Incident.id(number), title, severity, Incident.Status.DECLARED,
                Map.of(Incident.Role.COMMANDER, commander), conversation, declaredAt, null, null, 1);
    }
}
