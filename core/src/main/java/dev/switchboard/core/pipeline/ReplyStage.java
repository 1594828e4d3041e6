package dev.switchboard.core.pipeline;

import dev.switchboard.api.chat.MessageRef;
import dev.switchboard.api.pipeline.Exchange;
import dev.switchboard.api.pipeline.Outcome;
import dev.switchboard.api.pipeline.Stage;
import dev.switchboard.api.reply.Reply;
import dev.switchboard.core.chat.ChatGateway;
import dev.switchboard.core.job.Jobs;
import dev.switchboard.core.redact.Redactor;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The outermost stage: renders every outcome with {@link OutcomeReplies}, redacts it and says it in the message's
 * conversation (and thread). For a job that is still running it posts the ack and hands the posted message to
 * {@link Jobs#attachMessage}, so progress is edited into it. Nothing escapes this stage: a crash inside the chain
 * becomes a failed outcome, a failing send is logged with the correlation id.
 */
public final class ReplyStage implements Stage {
    private static final Logger log = LoggerFactory.getLogger(ReplyStage.class);

    private final ChatGateway gateway;
    private final Jobs jobs;
    private final OutcomeReplies replies;
    private final Redactor redactor;

    public ReplyStage(ChatGateway gateway, Jobs jobs, OutcomeReplies replies, Redactor redactor) {
        this.gateway = Objects.requireNonNull(gateway, "gateway");
        this.jobs = Objects.requireNonNull(jobs, "jobs");
        this.replies = Objects.requireNonNull(replies, "replies");
        this.redactor = Objects.requireNonNull(redactor, "redactor");
    }

    @Override
    public Outcome apply(Exchange exchange, Chain chain) {
        Outcome outcome;
        try {
            outcome = chain.proceed(exchange);
        } catch (RuntimeException e) {
            log.error("pipeline failed [{}]", exchange.correlationId(), e);
            outcome = new Outcome.Failed("something went wrong", exchange.correlationId());
        }
        try {
            Optional<Reply> reply = replies.render(outcome);
            if (reply.isPresent()) {
                MessageRef posted = gateway.say(exchange.message().conversation(), redactor.redact(reply.get()));
                if (outcome instanceof Outcome.Accepted accepted) {
                    jobs.attachMessage(accepted.jobId(), posted);
                }
            }
        } catch (RuntimeException e) {
            log.error("could not reply in {} to {} [{}]", exchange.message().conversation(),
                    exchange.message().user().key(), exchange.correlationId(), e);
        }
        return outcome;
    }
}
