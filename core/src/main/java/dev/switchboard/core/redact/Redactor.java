package dev.switchboard.core.redact;

import dev.switchboard.api.command.Invocation;
import dev.switchboard.api.reply.Block;
import dev.switchboard.api.reply.Button;
import dev.switchboard.api.reply.Reply;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Replaces secret values with {@code ***}: the configured secrets (tokens and passwords resolved from
 * {@code ${env:...}} and {@code ${file:...}} references) and, given an invocation, the values of its secret
 * arguments. Thread-safe; null texts come back null. The set of secrets only grows ({@link #remember}): a config
 * reload adds new secrets but never forgets old ones, which may still appear in the output of jobs started before.
 */
public final class Redactor {
    /** What a secret is replaced with. */
    public static final String MASK = "***";

    // Longest first, so a secret that contains another is masked whole. Replaced, never mutated.
    private volatile List<String> secrets;

    private Redactor(List<String> secrets) {
        this.secrets = secrets;
    }

    /** A redactor for the given secret values; blank values are ignored (they would mask everything). */
    public static Redactor of(Set<String> secrets) {
        return new Redactor(sorted(secrets, List.of()));
    }

    /** A redactor that knows no configured secrets yet (secret arguments are still masked). */
    public static Redactor none() {
        return new Redactor(List.of());
    }

    /** Adds secrets (from a reloaded config) to the ones already masked; none is ever forgotten. */
    public synchronized void remember(Set<String> more) {
        secrets = sorted(more, secrets);
    }

    private static List<String> sorted(Set<String> more, List<String> known) {
        java.util.Set<String> all = new java.util.LinkedHashSet<>(known);
        for (String s : more) {
            if (s != null && !s.isBlank()) {
                all.add(s);
            }
        }
        List<String> sorted = new ArrayList<>(all);
        sorted.sort(Comparator.comparingInt(String::length).reversed());
        return List.copyOf(sorted);
    }

    /** The text with every configured secret masked. */
    public String redact(String text) {
        return mask(text, secrets);
    }

    /** The text with every configured secret and every value of the invocation's secret arguments masked. */
    public String redact(String text, Invocation invocation) {
        String masked = redact(text);
        if (invocation == null || masked == null) {
            return masked;
        }
        List<String> values = new ArrayList<>();
        invocation.args().forEach((name, value) -> {
            if (invocation.command().arg(name).secret() && value != null && !value.isEmpty()) {
                values.add(value);
            }
        });
        values.sort(Comparator.comparingInt(String::length).reversed());
        return mask(masked, values);
    }

    /** The values of a map with every configured secret masked; keys are kept. */
    public Map<String, String> redact(Map<String, String> values) {
        Map<String, String> out = new LinkedHashMap<>();
        values.forEach((k, v) -> out.put(k, redact(v)));
        return out;
    }

    /** The reply with every configured secret masked in every block. */
    public Reply redact(Reply reply) {
        return secrets.isEmpty() ? reply : redact(reply, this::redact);
    }

    /** The reply with every text of every block (labels, cells, button commands) passed through {@code redactor}. */
    public static Reply redact(Reply reply, UnaryOperator<String> redactor) {
        List<Block> blocks = new ArrayList<>(reply.blocks().size());
        for (Block block : reply.blocks()) {
            blocks.add(switch (block) {
                case Block.Text t -> new Block.Text(redactor.apply(t.text()));
                case Block.Code c -> new Block.Code(redactor.apply(c.text()));
                case Block.Fields f -> new Block.Fields(f.fields().stream()
                        .map(x -> new Block.Field(redactor.apply(x.label()), redactor.apply(x.value()))).toList());
                case Block.Table t -> new Block.Table(t.headers().stream().map(redactor).toList(),
                        t.rows().stream().map(r -> r.stream().map(redactor).toList()).toList());
                case Block.Buttons b -> new Block.Buttons(b.buttons().stream()
                        .map(x -> new Button(redactor.apply(x.label()), redactor.apply(x.command()), x.style()))
                        .toList());
            });
        }
        return new Reply(blocks);
    }

    private static String mask(String text, List<String> values) {
        if (text == null || values.isEmpty()) {
            return text;
        }
        String out = text;
        for (String value : values) {
            if (out.contains(value)) {
                out = out.replace(value, MASK);
            }
        }
        return out;
    }
}
