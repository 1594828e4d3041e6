package dev.switchboard.api.pipeline;

/**
 * One step of inbound message handling.
 *
 * <p>Contract: {@link #apply} calls {@link Chain#proceed} at most once and never returns null; the chain enforces
 * both and turns a violation into a failed outcome. A stage that guards security (identity, authorisation,
 * confirmation, approval) must fail closed: if it cannot decide, it returns a denial.
 */
@FunctionalInterface
public interface Stage {
    Outcome apply(Exchange exchange, Chain chain);

    /** The rest of the pipeline after this stage. */
    @FunctionalInterface
    interface Chain {
        Outcome proceed(Exchange exchange);
    }
}
