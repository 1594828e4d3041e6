package dev.switchboard.core.approval;

import dev.switchboard.api.approval.PendingRequest;
import dev.switchboard.api.chat.ConversationRef;
import dev.switchboard.api.reply.Button;
import dev.switchboard.api.reply.Reply;
import dev.switchboard.core.chat.ChatGateway;
import dev.switchboard.core.redact.Redactor;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What people are told about parked requests, and telling them. Posting is best effort: the request itself is
 * stored and audited already, so a platform that is down is logged and does not lose it. Thread-safe.
 */
public final class Notices {
    private static final Logger log = LoggerFactory.getLogger(Notices.class);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private final ChatGateway gateway;
    private final Redactor redactor;

    public Notices(ChatGateway gateway, Redactor redactor) {
        this.gateway = Objects.requireNonNull(gateway, "gateway");
        this.redactor = Objects.requireNonNull(redactor, "redactor");
    }

    /** The approval request as the requester sees it, and as approvers see it in the announce conversations. */
    public static Reply approvalRequest(PendingRequest request) {
        return Reply.builder()
                .text(approvalText(request))
                .buttons(new Button("Approve", "approve " + request.id(), Button.Style.PRIMARY),
                        new Button("Deny", "deny " + request.id(), Button.Style.DANGER))
                .build();
    }

    /** The approval request in words, without buttons. */
    public static String approvalText(PendingRequest request) {
        return request.requesterId() + " asks to run " + Parking.describe(request) + " in "
                + request.request().conversation() + ". It needs " + approvals(request.required()) + " from "
                + String.join(", ", request.approvers()) + " before " + TIME.format(request.expires())
                + ". Approvers: type approve " + request.id() + ", or deny " + request.id() + " [reason].";
    }

    /** Says {@code reply} in each conversation; failures are logged, never thrown. */
    public void tell(List<ConversationRef> conversations, Reply reply) {
        for (ConversationRef to : conversations) {
            tell(to, reply);
        }
    }

    /** Says {@code reply} in one conversation; a failure is logged, never thrown. */
    public void tell(ConversationRef to, Reply reply) {
        try {
            gateway.say(to, redactor.redact(reply));
        } catch (RuntimeException e) {
            log.warn("could not tell {}: {}", to, e.getMessage());
        }
    }

    /** The conversations named in config ({@code web:#approvals}); unparseable entries were rejected at load. */
    public static List<ConversationRef> conversations(List<String> names) {
        return names.stream().map(ConversationRef::parse).toList();
    }

    public static String time(java.time.Instant at) {
        return TIME.format(at);
    }

    static String approvals(int n) {
        return n == 1 ? "1 approval" : n + " approvals";
    }
}
