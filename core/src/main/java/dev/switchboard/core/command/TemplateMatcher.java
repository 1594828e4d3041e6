package dev.switchboard.core.command;

import dev.switchboard.core.command.TemplatePart.Arg;
import dev.switchboard.core.command.TemplatePart.Literal;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds the ways one template can match a tokenised line. An optional argument either takes the next token or keeps
 * its default, so the search backtracks over optional arguments: it tries "take the token" first, and remembers dead
 * (part, token) positions so no position is explored twice. A caller-given test can reject values as they are bound
 * (the type check), which keeps the search complete however many optional arguments there are; it stops after
 * {@code limit} bindings. The work is bounded by the template length squared times the limit, whatever the line.
 */
final class TemplateMatcher {
    /** Decides whether a value may fill an argument; the structural search accepts everything. */
    @FunctionalInterface
    interface ValueTest {
        ValueTest ANY = (name, value) -> true;

        boolean accepts(String argument, String value);
    }

    /** One structural match: raw argument values (defaults included) by name, in template order. */
    record Binding(Template template, Map<String, String> raw) {}

    private final Template template;
    private final List<Token> tokens;
    private final String line;
    private final ValueTest test;
    private final int limit;
    private final String[] values;
    private final BitSet dead = new BitSet();
    private final List<Binding> found = new ArrayList<>();

    private TemplateMatcher(Template template, List<Token> tokens, String line, ValueTest test, int limit) {
        this.template = template;
        this.tokens = tokens;
        this.line = line;
        this.test = test;
        this.limit = limit;
        this.values = new String[template.parts().size()];
    }

    static List<Binding> match(Template template, List<Token> tokens, String line, ValueTest test, int limit) {
        List<TemplatePart> parts = template.parts();
        boolean endsWithRest = parts.getLast() instanceof Arg a && a.rest();
        // A line with more tokens than parts cannot match unless a rest argument swallows them; checking this first
        // keeps a 100 KB line from costing more than its tokenisation.
        if (!endsWithRest && tokens.size() > parts.size()) {
            return List.of();
        }
        TemplateMatcher matcher = new TemplateMatcher(template, tokens, line, test, limit);
        matcher.walk(0, 0);
        return List.copyOf(matcher.found);
    }

    /** Explores from part {@code p} and token {@code t}; returns whether any binding was found from here. */
    private boolean walk(int p, int t) {
        if (found.size() >= limit) {
            return true;
        }
        List<TemplatePart> parts = template.parts();
        if (p == parts.size()) {
            if (t == tokens.size()) {
                found.add(new Binding(template, bound()));
                return true;
            }
            return false;
        }
        int key = p * (parts.size() + 1) + t;
        if (t <= parts.size() && dead.get(key)) {
            return false;
        }
        boolean any = switch (parts.get(p)) {
            case Literal l -> t < tokens.size() && !tokens.get(t).quoted()
                    && tokens.get(t).value().equalsIgnoreCase(l.word()) && walk(p + 1, t + 1);
            case Arg a -> switch (a.kind()) {
                case REQUIRED -> t < tokens.size() && take(a, p, tokens.get(t).value(), t + 1);
                case OPTIONAL -> {
                    boolean took = t < tokens.size() && take(a, p, tokens.get(t).value(), t + 1);
                    boolean skipped = take(a, p, a.defaultValue(), t);
                    yield took || skipped;
                }
                case REST -> t < tokens.size()
                        && take(a, p, line.substring(tokens.get(t).start()).strip(), tokens.size());
            };
        };
        if (!any && t <= parts.size()) {
            dead.set(key);
        }
        return any;
    }

    private boolean take(Arg arg, int p, String value, int nextToken) {
        if (!test.accepts(arg.name(), value)) {
            return false;
        }
        values[p] = value;
        boolean any = walk(p + 1, nextToken);
        values[p] = null;
        return any;
    }

    private Map<String, String> bound() {
        Map<String, String> raw = new LinkedHashMap<>();
        List<TemplatePart> parts = template.parts();
        for (int p = 0; p < parts.size(); p++) {
            if (parts.get(p) instanceof Arg a) {
                raw.put(a.name(), values[p]);
            }
        }
        return raw;
    }
}
