package dev.switchboard.core.pipeline;

import dev.switchboard.api.IdGenerator;
import dev.switchboard.api.chat.InboundMessage;
import dev.switchboard.api.pipeline.Exchange;
import dev.switchboard.api.pipeline.Outcome;
import dev.switchboard.api.pipeline.Stage;
import dev.switchboard.api.pipeline.StageSlot;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The fixed chain of stages one message goes through: Reply ▸ Audit ▸ Identity ▸ [AFTER_IDENTITY] ▸ Parse ▸
 * [AFTER_PARSE] ▸ Authorize ▸ Confirm ▸ Approve ▸ [BEFORE_EXECUTE] ▸ Execute. Plugin stages go only into the slots;
 * the security stages cannot be removed or reordered. The chain enforces the stage contract (see {@link Stage}).
 *
 * <p>Immutable and thread-safe: {@link #handle} is called concurrently, once per message, on the message's own
 * (virtual) thread, and never throws.
 */
public final class Pipeline {
    private static final Logger log = LoggerFactory.getLogger(Pipeline.class);

    private final List<Stage> stages;
    private final List<Stage> resumeStages;
    private final IdGenerator ids;

    private Pipeline(List<Stage> stages, List<Stage> resumeStages, IdGenerator ids) {
        this.stages = List.copyOf(stages);
        this.resumeStages = List.copyOf(resumeStages);
        this.ids = ids;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Runs one message through the pipeline under a new correlation id and returns how it ended. */
    public Outcome handle(InboundMessage message) {
        return handle(Exchange.of(storable(message), ids.next()));
    }

    /**
     * The message with characters no database can keep (NUL, lone surrogates) replaced by U+FFFD, so what is
     * audited and stored is exactly what was hashed and what the user sees.
     */
    static InboundMessage storable(InboundMessage m) {
        String text = m.text();
        StringBuilder clean = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean pairedHigh = Character.isHighSurrogate(c) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1));
            boolean bad = c == '\u0000' || (Character.isSurrogate(c) && !pairedHigh
                    && !(Character.isLowSurrogate(c) && i > 0 && Character.isHighSurrogate(text.charAt(i - 1))));
            if (bad && clean == null) {
                clean = new StringBuilder(text.length()).append(text, 0, i);
            }
            if (clean != null) {
                clean.append(bad ? '\uFFFD' : c);
            }
        }
        return clean == null ? m : new InboundMessage(m.eventId(), m.user(), m.conversation(), clean.toString(),
                m.receivedAt(), m.direct());
    }

    /** Runs an exchange through the pipeline (its correlation id already chosen). Never throws, never null. */
    public Outcome handle(Exchange exchange) {
        try {
            return StageChain.start(stages).proceed(exchange);
        } catch (RuntimeException e) {
            // The reply stage catches everything; getting here means a stage outside it broke.
            log.error("pipeline failed [{}]", exchange.correlationId(), e);
            return new Outcome.Failed("something went wrong", exchange.correlationId());
        }
    }

    /**
     * Runs a parked request on after it was confirmed or approved: Reply ▸ outcome audit ▸ Authorize ▸ Confirm ▸
     * Approve ▸ [BEFORE_EXECUTE] ▸ Execute, with the exchange rebuilt under its original correlation id. The
     * requester is authorised again; the reply goes to the request's own conversation. Never throws, never null.
     */
    public Outcome resume(Exchange exchange) {
        try {
            return StageChain.start(resumeStages).proceed(exchange);
        } catch (RuntimeException e) {
            log.error("resumed request failed [{}]", exchange.correlationId(), e);
            return new Outcome.Failed("something went wrong", exchange.correlationId());
        }
    }

    /** The stages in the order they run. */
    public List<Stage> stages() {
        return stages;
    }

    /** Assembles a pipeline; every fixed stage is required, slot stages are optional. Not thread-safe. */
    public static final class Builder {
        private Stage reply;
        private Stage audit;
        private Stage identity;
        private Stage parse;
        private Stage authorize;
        private Stage confirm;
        private Stage approve;
        private Stage execute;
        private Stage resumeAudit;
        private Stage resumeAuthorize;
        private IdGenerator ids = IdGenerator.random();
        private final Map<StageSlot, List<Stage>> slots = new EnumMap<>(StageSlot.class);

        private Builder() {}

        public Builder ids(IdGenerator v) { ids = v; return this; }
        public Builder reply(Stage v) { reply = v; return this; }
        public Builder audit(Stage v) { audit = v; return this; }
        public Builder identity(Stage v) { identity = v; return this; }
        public Builder parse(Stage v) { parse = v; return this; }
        public Builder authorize(Stage v) { authorize = v; return this; }
        public Builder confirm(Stage v) { confirm = v; return this; }
        public Builder approve(Stage v) { approve = v; return this; }
        public Builder execute(Stage v) { execute = v; return this; }
        /** The audit stage of resumed requests (records outcomes only); none by default. */
        public Builder resumeAudit(Stage v) { resumeAudit = v; return this; }
        /** The authorize stage of resumed requests (no rate limit a second time); the main one by default. */
        public Builder resumeAuthorize(Stage v) { resumeAuthorize = v; return this; }

        /** Adds a plugin stage at a slot; stages in one slot run in the order they were added. */
        public Builder stage(StageSlot slot, Stage stage) {
            slots.computeIfAbsent(Objects.requireNonNull(slot, "slot"), s -> new ArrayList<>())
                    .add(Objects.requireNonNull(stage, "stage"));
            return this;
        }

        public Pipeline build() {
            List<Stage> chain = new ArrayList<>();
            chain.add(required(reply, "reply"));
            chain.add(required(audit, "audit"));
            chain.add(required(identity, "identity"));
            chain.addAll(slots.getOrDefault(StageSlot.AFTER_IDENTITY, List.of()));
            chain.add(required(parse, "parse"));
            chain.addAll(slots.getOrDefault(StageSlot.AFTER_PARSE, List.of()));
            chain.add(required(authorize, "authorize"));
            chain.add(required(confirm, "confirm"));
            chain.add(required(approve, "approve"));
            chain.addAll(slots.getOrDefault(StageSlot.BEFORE_EXECUTE, List.of()));
            chain.add(required(execute, "execute"));
            List<Stage> resume = new ArrayList<>();
            resume.add(reply);
            if (resumeAudit != null) {
                resume.add(resumeAudit);
            }
            resume.add(resumeAuthorize != null ? resumeAuthorize : authorize);
            resume.add(confirm);
            resume.add(approve);
            resume.addAll(slots.getOrDefault(StageSlot.BEFORE_EXECUTE, List.of()));
            resume.add(execute);
            return new Pipeline(chain, resume, Objects.requireNonNull(ids, "ids"));
        }

        private static Stage required(Stage stage, String name) {
            if (stage == null) {
                throw new IllegalStateException("the pipeline needs a " + name + " stage");
            }
            return stage;
        }
    }
}
