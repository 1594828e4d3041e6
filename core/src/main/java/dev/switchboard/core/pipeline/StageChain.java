package dev.switchboard.core.pipeline;

import dev.switchboard.api.pipeline.Exchange;
import dev.switchboard.api.pipeline.Outcome;
import dev.switchboard.api.pipeline.Stage;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The rest of the pipeline from one position, enforcing the stage contract: a stage that calls {@code proceed} a
 * second time gets a failed outcome instead of a second run, and whatever it then returns is replaced by a failed
 * outcome; a stage that returns null fails the same way. Both are logged as bugs with the correlation id, which is
 * also the user-visible ref.
 *
 * <p>One chain per message and position; used on the message's thread only. The chain also remembers the most
 * recent exchange handed down the pipeline, so the audit stage can record who and what after the fact.
 */
final class StageChain implements Stage.Chain {
    private static final Logger log = LoggerFactory.getLogger(StageChain.class);

    private final List<Stage> stages;
    private final int index;
    private final Trace trace;
    private int calls;

    private StageChain(List<Stage> stages, int index, Trace trace) {
        this.stages = stages;
        this.index = index;
        this.trace = trace;
    }

    /** A chain that starts at the first stage. */
    static StageChain start(List<Stage> stages) {
        return new StageChain(stages, 0, new Trace());
    }

    @Override
    public Outcome proceed(Exchange exchange) {
        if (++calls > 1) {
            String by = index == 0 ? "the pipeline" : name(stages.get(index - 1));
            log.error("bug: {} called proceed more than once [{}]", by, exchange.correlationId());
            return failed(exchange);
        }
        trace.latest = exchange;
        if (index >= stages.size()) {
            log.error("bug: the last stage {} called proceed; nothing comes after it [{}]",
                    name(stages.getLast()), exchange.correlationId());
            return failed(exchange);
        }
        Stage stage = stages.get(index);
        StageChain next = new StageChain(stages, index + 1, trace);
        Outcome outcome = stage.apply(exchange, next);
        if (next.calls > 1) {
            return failed(exchange);
        }
        if (outcome == null) {
            log.error("bug: stage {} returned null [{}]", name(stage), exchange.correlationId());
            return failed(exchange);
        }
        return outcome;
    }

    /**
     * The most recent exchange passed down from {@code chain}'s position on, or {@code fallback} if {@code chain} is
     * not a pipeline chain (a stage under test with a hand-made chain).
     */
    static Exchange latest(Stage.Chain chain, Exchange fallback) {
        if (chain instanceof StageChain c && c.trace.latest != null) {
            return c.trace.latest;
        }
        return fallback;
    }

    private static Outcome failed(Exchange exchange) {
        return new Outcome.Failed("something went wrong", exchange.correlationId());
    }

    private static String name(Stage stage) {
        // Lambdas and anonymous stages have no simple name.
        String simple = stage.getClass().getSimpleName();
        return simple.isEmpty() ? stage.getClass().getName() : simple;
    }

    /** What the pipeline learned so far about one message. */
    private static final class Trace {
        private Exchange latest;
    }
}
