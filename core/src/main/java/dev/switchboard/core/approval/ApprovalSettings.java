package dev.switchboard.core.approval;

import dev.switchboard.api.chat.ConversationRef;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * How confirmations and break-glass behave.
 *
 * @param confirmationTtl how long a requester has to type {@code yes <code>}
 * @param breakGlassGroups members of these groups may add {@code --break-glass "reason"} to skip an approval;
 *     empty means nobody may
 * @param breakGlassAnnounce conversations told about every break-glass use
 */
public record ApprovalSettings(Duration confirmationTtl, Set<String> breakGlassGroups,
        List<ConversationRef> breakGlassAnnounce) {

    public static final ApprovalSettings DEFAULTS = new ApprovalSettings(Duration.ofMinutes(2), Set.of(), List.of());

    public ApprovalSettings {
        Objects.requireNonNull(confirmationTtl, "confirmationTtl");
        breakGlassGroups = Set.copyOf(breakGlassGroups);
        breakGlassAnnounce = List.copyOf(breakGlassAnnounce);
    }
}
