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
import java.util.regex.Pattern;

/**
 * Replaces secrets with {@code ***}: the configured secret values (tokens and passwords resolved from
 * {@code ${env:...}} and {@code ${file:...}} references), given an invocation the values of its secret arguments,
 * and then every match of the {@linkplain SecretPatterns#BUILT_IN built-in} and configured patterns (a pattern with
 * a group named {@code secret} masks only that group). Thread-safe; null texts come back null. The set of secret
 * values only grows ({@link #remember}): a config reload adds new secrets but never forgets old ones, which may
 * still appear in the output of jobs started before. The configured patterns are replaced on reload
 * ({@link #usePatterns}); the built-in ones always apply.
 */
public final class Redactor {
    /** What a secret is replaced with. */
    public static final String MASK = "***";

    // Longest first, so a secret that contains another is masked whole. Replaced, never mutated.
    private volatile List<String> secrets;
    // The built-in patterns followed by the configured ones. Replaced, never mutated.
    private volatile List<Pattern> patterns;

    private Redactor(List<String> secrets, List<Pattern> configured) {
        this.secrets = secrets;
        this.patterns = withBuiltIns(configured);
    }

    /** A redactor for the given secret values and the built-in patterns; blank values are ignored. */
    public static Redactor of(Set<String> secrets) {
        return new Redactor(sorted(secrets, List.of()), List.of());
    }

    /** A redactor for the given secret values, the built-in patterns and the configured {@code patterns}. */
    public static Redactor of(Set<String> secrets, List<Pattern> patterns) {
        return new Redactor(sorted(secrets, List.of()), patterns);
    }

    /** A redactor that knows no configured secrets yet: secret arguments and built-in patterns are still masked. */
    public static Redactor none() {
        return new Redactor(List.of(), List.of());
    }

    /** Replaces the configured patterns (from a reloaded config); the built-in ones stay. */
    public void usePatterns(List<Pattern> configured) {
        patterns = withBuiltIns(configured);
    }

    private static List<Pattern> withBuiltIns(List<Pattern> configured) {
        List<Pattern> all = new ArrayList<>(SecretPatterns.BUILT_IN);
        all.addAll(configured);
        return List.copyOf(all);
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

    /** The text with every configured secret value and every pattern match masked. */
    public String redact(String text) {
        return text == null ? null : SecretPatterns.mask(mask(text, secrets), patterns, MASK);
    }

    /**
     * The text with every configured secret value, every value of the invocation's secret arguments and every
     * pattern match masked.
     */
    public String redact(String text, Invocation invocation) {
        if (invocation == null || text == null) {
            return redact(text);
        }
        String masked = mask(text, secrets);
        List<String> values = new ArrayList<>();
        invocation.args().forEach((name, value) -> {
            if (invocation.command().arg(name).secret() && value != null && !value.isEmpty()) {
                values.add(value);
            }
        });
        values.sort(Comparator.comparingInt(String::length).reversed());
        return SecretPatterns.mask(mask(masked, values), patterns, MASK);
    }

    /** The values of a map with every configured secret masked; keys are kept. */
    public Map<String, String> redact(Map<String, String> values) {
        Map<String, String> out = new LinkedHashMap<>();
        values.forEach((k, v) -> out.put(k, redact(v)));
        return out;
    }

    /** The reply with every configured secret and pattern match masked in every block. */
    public Reply redact(Reply reply) {
        return redact(reply, this::redact);
    }

    /** The reply with every text of every block (labels, cells, button commands) passed through {@code redactor}. */
    public static Reply redact(Reply reply, UnaryOperator<String> redactor) {
        List<Block> blocks = new ArrayList<>(reply.blocks().size());
        for (Block block : reply.blocks()) {
            blocks.add(switch (block) {
                case Block.Text t -> new Block.Text(redactor.apply(t.text()));
                case Block.Code c -> new Block.Code(redactor.apply(c.text()));
                case Block.File f -> new Block.File(f.name(), f.mediaType(), redactor.apply(f.content()));
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
