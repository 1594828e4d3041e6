package dev.switchboard.core.command;

import dev.switchboard.core.command.TemplatePart.Arg;
import dev.switchboard.core.command.TemplatePart.Literal;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds the ways one template can structurally match a tokenised line, before any type check. An optional argument
 * either takes the next token or keeps its default, so the search backtracks over optional arguments: it tries
 * "take the token" first, remembers dead (part, token) positions so no position is explored twice, and stops after
 * {@link #MAX_BINDINGS} bindings. The work is therefore bounded by the template length squared, whatever the line.
 */
final class TemplateMatcher {
    static final int MAX_BINDINGS = 16;

    /** One structural match: raw argument values (defaults included) by name, in template order. */
    record Binding(Template template, Map<String, String> raw) {}

    private final Template template;
    private final List<Token> tokens;
    private final String line;
    private final String[] values;
    private final BitSet dead = new BitSet();
    private final List<Binding> found = new ArrayList<>();

    private TemplateMatcher(Template template, List<Token> tokens, String line) {
        this.template = template;
        this.tokens = tokens;
        this.line = line;
        this.values = new String[template.parts().size()];
    }

    static List<Binding> match(Template template, List<Token> tokens, String line) {
        List<TemplatePart> parts = template.parts();
        boolean endsWithRest = parts.getLast() instanceof Arg a && a.rest();
        // A line with more tokens than parts cannot match unless a rest argument swallows them; checking this first
        // keeps a 100 KB line from costing more than its tokenisation.
        if (!endsWithRest && tokens.size() > parts.size()) {
            return List.of();
        }
        TemplateMatcher matcher = new TemplateMatcher(template, tokens, line);
        matcher.walk(0, 0);
        return List.copyOf(matcher.found);
    }

    /** Explores from part {@code p} and token {@code t}; returns whether any binding was found from here. */
    private boolean walk(int p, int t) {
        if (found.size() >= MAX_BINDINGS) {
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
                case REQUIRED -> t < tokens.size() && take(p, tokens.get(t).value(), p + 1, t + 1);
                case OPTIONAL -> {
                    boolean took = t < tokens.size() && take(p, tokens.get(t).value(), p + 1, t + 1);
                    boolean skipped = take(p, a.defaultValue(), p + 1, t);
                    yield took || skipped;
                }
                case REST -> t < tokens.size()
                        && take(p, line.substring(tokens.get(t).start()).strip(), p + 1, tokens.size());
            };
        };
        if (!any && t <= parts.size()) {
            dead.set(key);
        }
        return any;
    }

    private boolean take(int p, String value, int nextPart, int nextToken) {
        values[p] = value;
        boolean any = walk(nextPart, nextToken);
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
