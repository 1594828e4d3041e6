package dev.switchboard.api.alert;

import dev.switchboard.api.chat.ConversationRef;
import dev.switchboard.api.reply.Reply;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What people can do to alerts from chat: the port behind the built-in commands {@code alerts}, {@code ack},
 * {@code silence}, {@code unsilence} and {@code escalate}, and the lookup incidents use to link alerts. The engine
 * parses nothing past the command word: each method gets the rest of the line as typed and answers with a reply
 * that says what happened or what was expected, never an exception for bad input. Authorisation and the audit of
 * the command itself happen before these are called; implementations audit what they change elsewhere (a silence's
 * id, an escalation's dedup key). Thread-safe.
 */
public interface AlertDesk {
    /**
     * Who asks, as the pipeline verified them.
     *
     * @param userId the configured user's id (the principal)
     * @param platformKey the platform user's key, such as {@code slack:U123}
     * @param correlationId the request's correlation id, to tie audit records together
     * @param conversation where the command was typed
     */
    record Asker(String userId, String platformKey, String correlationId, ConversationRef conversation) {
        public Asker {
            Objects.requireNonNull(userId, "userId");
            Objects.requireNonNull(platformKey, "platformKey");
            Objects.requireNonNull(correlationId, "correlationId");
            Objects.requireNonNull(conversation, "conversation");
        }
    }

    /**
     * What a reference names: one alert (by fingerprint) or one alert group (by id).
     *
     * @param ref the canonical reference: {@code group <id>} or {@code alert <fingerprint>}
     * @param title a one-line description, such as {@code 312 alerts firing in cluster eu-1}
     * @param severity the highest severity among the alerts, or null when none says
     * @param alerts the alerts, as the store now keeps them
     */
    record AlertSet(String ref, String title, String severity, List<Alert> alerts) {
        public AlertSet {
            Objects.requireNonNull(ref, "ref");
            Objects.requireNonNull(title, "title");
            alerts = List.copyOf(alerts);
        }
    }

    /** {@code alerts [firing|resolved|all|mine] [name=value ...]} and {@code alerts group <id> [page <n>]}. */
    Reply alerts(String request, Asker asker);

    /** {@code ack <alert|group>}: records who took it, shown on the group's message. */
    Reply ack(String request, Asker asker);

    /** {@code silence <alert|group|matchers> for <duration> [reason]}: a real silence in Alertmanager. */
    Reply silence(String request, Asker asker);

    /** {@code unsilence <silence id>}: expires the silence. */
    Reply unsilence(String request, Asker asker);

    /** {@code escalate <alert|group> [service]}: triggers the paging service with a dedup key. */
    Reply escalate(String request, Asker asker);

    /** The alert or group {@code ref} names ({@code group <id>}, a bare group id, or a fingerprint), if any. */
    Optional<AlertSet> find(String ref);
}
