package dev.switchboard.config;

import dev.switchboard.api.command.ArgType;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A node being read, with its config path ({@code commands[2].args.env}). Each accessor checks the shape it
 * expects and, when the value does not fit, reports "expected X, got Y" at the node and returns empty, so a
 * section reader keeps going and every problem is reported in one pass.
 */
final class Cursor {
    private final YamlNode node;
    private final String path;
    private final Diagnostics diagnostics;

    Cursor(YamlNode node, String path, Diagnostics diagnostics) {
        this.node = node;
        this.path = path;
        this.diagnostics = diagnostics;
        diagnostics.mark(path, node.mark());
    }

    YamlNode node() {
        return node;
    }

    String path() {
        return path;
    }

    Mark mark() {
        return node.mark();
    }

    Diagnostics diagnostics() {
        return diagnostics;
    }

    void error(String message) {
        diagnostics.error(node.mark(), path, message);
    }

    /** Records that {@code alias} (say {@code templates[0]} for a single {@code template}) lives at this node. */
    void alsoKnownAs(String alias) {
        diagnostics.mark(alias, node.mark());
    }

    /** The value quoted for an error message ('x'), never a resolved secret; or what kind of node it is. */
    String shown() {
        return node instanceof YamlNode.Scalar s ? s.shown() : node.describe();
    }

    boolean isNull() {
        return node instanceof YamlNode.Scalar s && s.value() == null;
    }

    /** A map whose keys must all be among {@code known}; unknown keys are reported with a did-you-mean. */
    Optional<Fields> fields(List<String> known) {
        if (!(node instanceof YamlNode.Mapping mapping)) {
            error("expected a map with keys " + String.join(", ", known) + ", got " + node.describe());
            return Optional.empty();
        }
        for (YamlNode.Entry entry : mapping.entries().values()) {
            if (!known.contains(entry.key())) {
                diagnostics.error(entry.keyMark(), child(entry.key()), "unknown key; expected one of "
                        + String.join(", ", known) + Spelling.hint(entry.key(), known));
            }
        }
        return Optional.of(new Fields(this, mapping));
    }

    /** A map with any keys: its entries as cursors, in order. */
    Optional<List<Map.Entry<YamlNode.Entry, Cursor>>> entries(String expected) {
        if (!(node instanceof YamlNode.Mapping mapping)) {
            error("expected " + expected + ", got " + node.describe());
            return Optional.empty();
        }
        List<Map.Entry<YamlNode.Entry, Cursor>> out = new ArrayList<>();
        mapping.entries().values().forEach(e -> out.add(Map.entry(e, new Cursor(e.value(), child(e.key()),
                diagnostics))));
        return Optional.of(out);
    }

    /**
     * The items of a list. An item's index counts only the items from its own file, so after includes are
     * concatenated {@code commands[0]} in {@code more/x.yaml} is still called {@code commands[0]}.
     */
    Optional<List<Cursor>> items(String expected) {
        if (!(node instanceof YamlNode.Sequence sequence)) {
            error("expected " + expected + ", got " + node.describe());
            return Optional.empty();
        }
        Map<Path, Integer> perFile = new HashMap<>();
        List<Cursor> out = new ArrayList<>();
        for (YamlNode item : sequence.items()) {
            int index = perFile.merge(item.mark().file(), 1, Integer::sum) - 1;
            out.add(new Cursor(item, path + "[" + index + "]", diagnostics));
        }
        return Optional.of(out);
    }

    Optional<String> string() {
        if (node instanceof YamlNode.Scalar s && s.value() instanceof String text) {
            return Optional.of(text);
        }
        error("expected text, got " + node.describe());
        return Optional.empty();
    }

    /** A non-empty list of strings; a single string is accepted as a list of one when {@code single} is set. */
    Optional<List<String>> strings(boolean single) {
        if (single && node instanceof YamlNode.Scalar s && s.value() instanceof String text) {
            return Optional.of(List.of(text));
        }
        if (!(node instanceof YamlNode.Sequence sequence)) {
            error("expected a list of strings, got " + node.describe());
            return Optional.empty();
        }
        List<String> out = new ArrayList<>();
        boolean ok = true;
        for (Cursor item : items("a list of strings").orElseThrow()) {
            if (item.node instanceof YamlNode.Scalar s && s.value() instanceof String text) {
                out.add(text);
            } else {
                item.error("expected a string, got " + item.node.describe());
                ok = false;
            }
        }
        return ok ? Optional.of(out) : Optional.empty();
    }

    Optional<Long> integer(long min, long max) {
        if (node instanceof YamlNode.Scalar s && s.value() instanceof Number n
                && !(n instanceof Double) && !(n instanceof Float)) {
            BigInteger value = n instanceof BigInteger b ? b : BigInteger.valueOf(n.longValue());
            if (value.compareTo(BigInteger.valueOf(min)) >= 0 && value.compareTo(BigInteger.valueOf(max)) <= 0) {
                return Optional.of(value.longValue());
            }
            error("expected a whole number from " + min + " to " + max + ", got " + s.shown());
            return Optional.empty();
        }
        error("expected a whole number from " + min + " to " + max + ", got " + node.describe());
        return Optional.empty();
    }

    Optional<Boolean> bool() {
        if (node instanceof YamlNode.Scalar s && s.value() instanceof Boolean b) {
            return Optional.of(b);
        }
        error("expected true or false, got " + node.describe());
        return Optional.empty();
    }

    /** A number (whole or with a fraction) from {@code min} to {@code max}. */
    Optional<Double> number(double min, double max) {
        if (node instanceof YamlNode.Scalar s && s.value() instanceof Number n) {
            double value = n.doubleValue();
            if (value >= min && value <= max) {
                return Optional.of(value);
            }
            error("expected a number from " + plain(min) + " to " + plain(max) + ", got " + s.shown());
            return Optional.empty();
        }
        error("expected a number from " + plain(min) + " to " + plain(max) + ", got " + node.describe());
        return Optional.empty();
    }

    /** Text that is not blank. */
    Optional<String> nonBlank() {
        return string().filter(text -> {
            if (text.isBlank()) {
                error("expected a value, got empty text");
            }
            return !text.isBlank();
        });
    }

    /**
     * A secret: text that came from a {@code ${env:NAME}} or {@code ${file:/path}} reference. A secret written
     * inline is an error (config files are shared, reviewed and committed); its value is never echoed.
     */
    Optional<String> secret(String what) {
        if (node instanceof YamlNode.Scalar s && s.value() instanceof String text && !s.secret()) {
            error("write " + what + " as a reference, ${env:NAME} or ${file:/path}, never inline");
            return Optional.empty();
        }
        return nonBlank();
    }

    /** A duration written like {@code 30s}, {@code 15m}, {@code 2h} or {@code 1d}. */
    Optional<Duration> duration() {
        ArgType.DurationType type = new ArgType.DurationType();
        if (node instanceof YamlNode.Scalar s && s.value() instanceof String text) {
            return switch (type.check(text)) {
                case ArgType.Check.Accepted a -> Optional.of(Duration.parse(a.value()));
                case ArgType.Check.Rejected r -> {
                    error("expected " + r.expected() + ", got " + s.shown());
                    yield Optional.empty();
                }
            };
        }
        error("expected " + type.expected() + ", got " + node.describe());
        return Optional.empty();
    }

    /** One of a fixed set of words, with a did-you-mean when it is close to one. */
    Optional<String> oneOf(String what, List<String> allowed) {
        return string().flatMap(text -> {
            if (allowed.contains(text)) {
                return Optional.of(text);
            }
            error("unknown " + what + " " + shown() + "; expected one of " + String.join(", ", allowed)
                    + (((YamlNode.Scalar) node).secret() ? "" : Spelling.hint(text, allowed)));
            return Optional.empty();
        });
    }

    private static String plain(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
    }

    String child(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }
}
