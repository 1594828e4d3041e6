package dev.switchboard.core.pipeline;

import dev.switchboard.api.audit.AuditEvent;
import dev.switchboard.api.audit.AuditEventType;
import dev.switchboard.api.audit.AuditLog;
import dev.switchboard.api.command.ArgSpec;
import dev.switchboard.api.command.Invocation;
import dev.switchboard.api.command.ParseResult;
import dev.switchboard.api.chat.InboundMessage;
import dev.switchboard.api.pipeline.Exchange;
import dev.switchboard.api.pipeline.Outcome;
import dev.switchboard.api.pipeline.Stage;
import dev.switchboard.core.command.ActiveCommands;
import dev.switchboard.core.command.CommandSet;
import dev.switchboard.core.redact.Redactor;
import java.time.Clock;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records every message before anything acts on it, and how it ended. {@code received} is written first; if that
 * write fails the exchange goes on marked not audited, and the execute stage then refuses everything but read-only
 * built-ins. After the chain returns, invalid input, denials, failures and built-in answers are recorded (job
 * outcomes are recorded by the job runner as {@code started}/{@code finished}). A crash inside the chain becomes
 * a failed outcome whose ref is the correlation id; the stack goes to the log.
 *
 * <p>Texts are redacted: configured secrets always, and the values of secret arguments when the text parses.
 */
public final class AuditStage implements Stage {
    private static final Logger log = LoggerFactory.getLogger(AuditStage.class);

    private final AuditLog audit;
    private final Clock clock;
    private final Redactor redactor;
    private final ActiveCommands commands;
    private final boolean recordsReceived;
    private volatile SecretsKnown secretsKnown;

    public AuditStage(AuditLog audit, Clock clock, Redactor redactor, ActiveCommands commands) {
        this(audit, clock, redactor, commands, true);
    }

    /**
     * The audit stage of resumed requests: their {@code received} event was written when they came in, so only how
     * they end is recorded, and the exchange keeps its audited flag.
     */
    public static AuditStage forResumed(AuditLog audit, Clock clock, Redactor redactor, ActiveCommands commands) {
        return new AuditStage(audit, clock, redactor, commands, false);
    }

    private AuditStage(AuditLog audit, Clock clock, Redactor redactor, ActiveCommands commands,
            boolean recordsReceived) {
        this.recordsReceived = recordsReceived;
        this.audit = Objects.requireNonNull(audit, "audit");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.redactor = Objects.requireNonNull(redactor, "redactor");
        this.commands = Objects.requireNonNull(commands, "commands");
    }

    @Override
    public Outcome apply(Exchange exchange, Chain chain) {
        InboundMessage message = exchange.message();
        if (!recordsReceived) {
            return finish(exchange, chain, exchange.audited());
        }
        boolean audited;
        try {
            audit.record(event(AuditEventType.RECEIVED, exchange)
                    .text(redactor.redact(message.text(), secretsOf(message.text())))
                    .detail("thread", message.conversation().thread())
                    .build());
            audited = true;
        } catch (RuntimeException e) {
            // A StorageException is the expected failure; anything else fails closed the same way.
            log.error("could not record received; only read-only commands will run [{}]",
                    exchange.correlationId(), e);
            audited = false;
        }
        return finish(exchange, chain, audited);
    }

    private Outcome finish(Exchange exchange, Chain chain, boolean audited) {
        Outcome outcome;
        try {
            outcome = chain.proceed(exchange.withAudited(audited));
        } catch (RuntimeException e) {
            log.error("message failed: {} [{}]", describe(exchange), exchange.correlationId(), e);
            outcome = new Outcome.Failed("something went wrong", exchange.correlationId());
        }
        recordOutcome(StageChain.latest(chain, exchange), outcome);
        return outcome;
    }

    private void recordOutcome(Exchange ex, Outcome outcome) {
        AuditEvent.Builder event = switch (outcome) {
            case Outcome.NoMatch n -> event(AuditEventType.INVALID, ex).detail("reason", "no command matched");
            case Outcome.Ambiguous a -> event(AuditEventType.INVALID, ex)
                    .detail("reason", "several commands matched: " + String.join(", ", a.candidates()));
            case Outcome.Invalid i -> invalid(event(AuditEventType.INVALID, ex), i.problem());
            case Outcome.Denied d -> event(AuditEventType.DENIED, ex).rule(d.rule()).detail("reason", d.reason());
            case Outcome.Failed f -> event(AuditEventType.FAILED, ex).detail("ref", f.ref());
            case Outcome.Replied r -> event(AuditEventType.FINISHED, ex).detail("status", "ok");
            // Recorded elsewhere: jobs by the job runner, pending ones by the confirm and approve stages.
            case Outcome.Ignored i -> null;
            case Outcome.Accepted a -> null;
            case Outcome.Completed c -> null;
            case Outcome.PendingConfirmation p -> null;
            case Outcome.PendingApproval p -> null;
        };
        if (event == null) {
            return;
        }
        try {
            audit.record(event.build());
        } catch (RuntimeException e) {
            log.error("could not record the outcome {} [{}]", outcome.getClass().getSimpleName(),
                    ex.correlationId(), e);
        }
    }

    private AuditEvent.Builder event(AuditEventType type, Exchange ex) {
        InboundMessage message = ex.message();
        Invocation invocation = ex.invocation();
        AuditEvent.Builder b = AuditEvent.builder(type, clock.instant())
                .correlationId(ex.correlationId())
                .account(message.user().key())
                .conversation(message.conversation().toString());
        if (ex.principal() != null) {
            b.actor(ex.principal().id());
        }
        if (invocation != null) {
            b.commandId(invocation.commandId()).args(maskNested(redactor.redact(invocation.redactedArgs()), message));
        }
        if (ex.decision() != null && type != AuditEventType.DENIED) {
            b.rule(ex.decision().rule());
        }
        return b;
    }

    /** Arguments that carry another command's text ({@code explain <request>}) with that command's secrets masked. */
    private java.util.Map<String, String> maskNested(java.util.Map<String, String> args, InboundMessage message) {
        Invocation nested = secretsOf(message.text());
        if (nested == null) {
            return args;
        }
        java.util.Map<String, String> masked = new java.util.LinkedHashMap<>();
        args.forEach((name, value) -> masked.put(name, redactor.redact(value, nested)));
        return masked;
    }

    private static AuditEvent.Builder invalid(AuditEvent.Builder b, ParseResult.Invalid p) {
        if (p.commandId() == null) {
            return b.detail("reason", p.expected());
        }
        return b.commandId(p.commandId()).detail("reason", p.argument() + " is not " + p.expected());
    }

    /**
     * The invocation the text parses to, only to learn its secret arguments; null if it does not parse or no
     * command declares a secret argument (then parsing twice would buy nothing).
     */
    private Invocation secretsOf(String text) {
        if (text.length() > ParseStage.MAX_LENGTH || text.isBlank()) {
            return null;
        }
        CommandSet set = commands.current();
        if (!declaresSecrets(set)) {
            return null;
        }
        try {
            if (!(set.parser().parse(text.strip()) instanceof ParseResult.Matched m)) {
                return null;
            }
            // "explain <request>" carries another command's arguments: mask that command's secrets
            String inner = m.invocation().commandId().equals("explain") ? m.invocation().args().get("request") : null;
            if (inner != null && set.parser().parse(inner.strip()) instanceof ParseResult.Matched explained) {
                return explained.invocation();
            }
            return m.invocation();
        } catch (RuntimeException e) {
            return null;
        }
    }

    private boolean declaresSecrets(CommandSet set) {
        SecretsKnown known = secretsKnown;
        if (known == null || known.set() != set) {
            boolean any = set.commands().stream().anyMatch(c -> c.args().values().stream().anyMatch(ArgSpec::secret));
            known = new SecretsKnown(set, any);
            secretsKnown = known;
        }
        return known.any();
    }

    /** Whether a command set declares any secret argument, remembered until the set is replaced. */
    private record SecretsKnown(CommandSet set, boolean any) {}

    private static String describe(Exchange ex) {
        return ex.invocation() != null ? ex.invocation().commandId() : "(unparsed)";
    }
}
