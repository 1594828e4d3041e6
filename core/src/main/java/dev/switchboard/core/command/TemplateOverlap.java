package dev.switchboard.core.command;

import dev.switchboard.api.command.ArgType;
import dev.switchboard.core.command.TemplatePart.Arg;
import dev.switchboard.core.command.TemplatePart.Literal;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Decides whether some line can match two templates at once, so that two commands would compete for it. Each
 * template is read as a small automaton over tokens (an optional argument may be skipped; a rest argument takes one
 * or more tokens) and the product of the two is searched for a common accepted token sequence.
 *
 * <p>Whether one token can fill two parts: two literal words only if equal ignoring case; a literal word and an
 * argument only if the argument's type accepts the word (an enum only if the word is one of its values); two
 * arguments only if one is an enum with a value the other accepts. Otherwise — two non-enum arguments, anything
 * against a rest argument, and regular expressions with inline flags — it answers "yes": conservative, so a
 * reported overlap may be impossible in practice, but a real one is never missed.
 */
final class TemplateOverlap {

    /** What a single token must look like to fill a position of one template. */
    private sealed interface Slot {
        record Word(String word) implements Slot {}

        record Typed(ArgType type) implements Slot {}

        record Anything() implements Slot {}
    }

    private TemplateOverlap() {}

    static boolean exists(CompiledCommand a, Template ta, CompiledCommand b, Template tb) {
        int ma = ta.parts().size();
        int mb = tb.parts().size();
        int width = mb + 2;
        boolean[] seen = new boolean[(ma + 2) * width];
        Deque<int[]> queue = new ArrayDeque<>();
        queue.add(new int[] {0, 0});
        seen[0] = true;
        while (!queue.isEmpty()) {
            int[] state = queue.poll();
            int pa = state[0];
            int pb = state[1];
            if (accepting(pa, ma) && accepting(pb, mb)) {
                return true;
            }
            if (skippable(ta, pa)) {
                visit(pa + 1, pb, width, seen, queue);
            }
            if (skippable(tb, pb)) {
                visit(pa, pb + 1, width, seen, queue);
            }
            Slot sa = slot(a, ta, pa);
            Slot sb = slot(b, tb, pb);
            if (sa != null && sb != null && compatible(sa, sb)) {
                visit(next(ta, pa), next(tb, pb), width, seen, queue);
            }
        }
        return false;
    }

    private static void visit(int pa, int pb, int width, boolean[] seen, Deque<int[]> queue) {
        if (!seen[pa * width + pb]) {
            seen[pa * width + pb] = true;
            queue.add(new int[] {pa, pb});
        }
    }

    /** Position {@code m} is the end; {@code m + 1} means "inside the rest argument", which also accepts. */
    private static boolean accepting(int p, int m) {
        return p >= m;
    }

    private static boolean skippable(Template t, int p) {
        return p < t.parts().size() && t.parts().get(p) instanceof Arg arg && arg.optional();
    }

    private static Slot slot(CompiledCommand command, Template t, int p) {
        int m = t.parts().size();
        if (p == m) {
            return null;
        }
        if (p == m + 1) {
            return new Slot.Anything();
        }
        return switch (t.parts().get(p)) {
            case Literal l -> new Slot.Word(l.word());
            case Arg arg -> arg.rest() ? new Slot.Anything() : new Slot.Typed(command.type(arg.name()));
        };
    }

    private static int next(Template t, int p) {
        int m = t.parts().size();
        if (p == m + 1) {
            return p;
        }
        return t.parts().get(p) instanceof Arg arg && arg.rest() ? m + 1 : p + 1;
    }

    private static boolean compatible(Slot x, Slot y) {
        return switch (x) {
            case Slot.Anything any -> true;
            case Slot.Word w -> switch (y) {
                case Slot.Anything any -> true;
                case Slot.Word v -> w.word().equalsIgnoreCase(v.word());
                case Slot.Typed t -> accepts(t.type(), w.word());
            };
            case Slot.Typed t -> switch (y) {
                case Slot.Anything any -> true;
                case Slot.Word v -> accepts(t.type(), v.word());
                case Slot.Typed u -> typesShareAValue(t.type(), u.type());
            };
        };
    }

    private static boolean typesShareAValue(ArgType x, ArgType y) {
        if (x instanceof ArgType.Enum e) {
            return e.values().stream().anyMatch(v -> accepts(y, v));
        }
        if (y instanceof ArgType.Enum e) {
            return e.values().stream().anyMatch(v -> accepts(x, v));
        }
        return true;
    }

    /** Whether a token spelled like {@code word} in any letter case can be accepted by {@code type}. */
    private static boolean accepts(ArgType type, String word) {
        return switch (type) {
            case ArgType.Enum e -> e.values().stream().anyMatch(v -> v.equalsIgnoreCase(word));
            case ArgType.PatternType p -> p.regex().pattern().contains("(?")
                    || Pattern.compile(p.regex().pattern(), p.regex().flags() | Pattern.CASE_INSENSITIVE
                            | Pattern.UNICODE_CASE).matcher(word).matches();
            // These types ignore letter case themselves (or have no letters to speak of).
            case ArgType.Text t -> t.check(word) instanceof ArgType.Check.Accepted;
            case ArgType.Int i -> i.check(word) instanceof ArgType.Check.Accepted;
            case ArgType.DurationType d -> d.check(word.toLowerCase(Locale.ROOT)) instanceof ArgType.Check.Accepted;
            case ArgType.Bool b -> b.check(word) instanceof ArgType.Check.Accepted;
        };
    }
}
