package dev.switchboard.core.command;

import dev.switchboard.core.command.TemplatePart.Arg;
import dev.switchboard.core.command.TemplatePart.Literal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads one template's text into a {@link Template}, or into every syntax problem it can find, each message naming
 * the 1-based column inside the template and what was expected. Stateless.
 */
final class TemplateSyntax {
    private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");
    private static final String FORMS = "{name}, {name=default} or {name...}";

    /** The outcome of reading one template. */
    sealed interface Result {
        record Parsed(Template template) implements Result {}

        record Broken(List<String> messages) implements Result {
            public Broken {
                messages = List.copyOf(messages);
            }
        }
    }

    private TemplateSyntax() {}

    static Result read(String source, int index) {
        List<String> problems = new ArrayList<>();
        List<TemplatePart> parts = new ArrayList<>();
        int i = 0;
        int n = source.length();
        while (i < n) {
            char c = source.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '{') {
                int close = argumentEnd(source, i);
                if (close < 0) {
                    problems.add(at(i, "'{' is never closed; expected " + FORMS));
                    break;
                }
                if (close < n - 1 && !Character.isWhitespace(source.charAt(close + 1))) {
                    problems.add(at(close + 1, "expected a space after '}': an argument is a whole word"));
                }
                readArgument(source.substring(i + 1, close), i, problems).ifPresent(parts::add);
                i = wordEnd(source, close + 1);
            } else {
                int end = wordEnd(source, i);
                String word = source.substring(i, end);
                int brace = firstBrace(word);
                if (brace >= 0) {
                    problems.add(at(i + brace, word.charAt(brace) == '}'
                            ? "'}' without '{'; expected " + FORMS
                            : "'{' inside a word; an argument must be a whole word like " + FORMS));
                } else if (c == '"' || c == '\'') {
                    problems.add(at(i, "a literal word cannot start with a quote: quoted text is always a value"));
                } else {
                    parts.add(new Literal(word, i + 1));
                }
                i = end;
            }
        }
        if (parts.isEmpty() && problems.isEmpty()) {
            problems.add("the template is empty; expected a literal word followed by words and " + FORMS);
        }
        checkShape(parts, problems);
        return problems.isEmpty()
                ? new Result.Parsed(new Template(source, index, parts))
                : new Result.Broken(problems);
    }

    private static java.util.Optional<Arg> readArgument(String inside, int open, List<String> problems) {
        int eq = inside.indexOf('=');
        String head = (eq < 0 ? inside : inside.substring(0, eq)).strip();
        boolean rest = head.endsWith("...");
        String name = rest ? head.substring(0, head.length() - 3).strip() : head;
        if (name.isEmpty()) {
            problems.add(at(open, "argument without a name; expected " + FORMS));
            return java.util.Optional.empty();
        }
        if (!NAME.matcher(name).matches()) {
            problems.add(at(open, "invalid argument name '" + name
                    + "'; expected a letter followed by letters, digits or _"));
            return java.util.Optional.empty();
        }
        if (rest && eq >= 0) {
            problems.add(at(open, "{" + name + "...} takes the rest of the line and cannot have a default"));
            return java.util.Optional.empty();
        }
        if (eq >= 0) {
            return java.util.Optional.of(new Arg(name, Arg.Kind.OPTIONAL, inside.substring(eq + 1).strip(), open + 1));
        }
        return java.util.Optional.of(new Arg(name, rest ? Arg.Kind.REST : Arg.Kind.REQUIRED, null, open + 1));
    }

    private static void checkShape(List<TemplatePart> parts, List<String> problems) {
        if (!parts.isEmpty() && parts.getFirst() instanceof Arg first) {
            problems.add(at(first.column() - 1, "a template must start with a literal word, not with {"
                    + first.name() + "}"));
        }
        Set<String> seen = new HashSet<>();
        for (int p = 0; p < parts.size(); p++) {
            if (parts.get(p) instanceof Arg arg) {
                if (!seen.add(arg.name())) {
                    problems.add(at(arg.column() - 1, "argument {" + arg.name() + "} is used twice; each argument "
                            + "may appear once per template"));
                }
                if (arg.rest() && p != parts.size() - 1) {
                    problems.add(at(arg.column() - 1, "{" + arg.name() + "...} takes the rest of the line, so it "
                            + "must be the last part of the template"));
                }
            }
        }
    }

    /** The index of the '}' closing the argument opened at {@code open}, or -1 if a '{' or the end comes first. */
    private static int argumentEnd(String source, int open) {
        for (int j = open + 1; j < source.length(); j++) {
            char c = source.charAt(j);
            if (c == '}') {
                return j;
            }
            if (c == '{') {
                return -1;
            }
        }
        return -1;
    }

    private static int wordEnd(String source, int from) {
        int j = from;
        while (j < source.length() && !Character.isWhitespace(source.charAt(j))) {
            j++;
        }
        return j;
    }

    private static int firstBrace(String word) {
        for (int j = 0; j < word.length(); j++) {
            if (word.charAt(j) == '{' || word.charAt(j) == '}') {
                return j;
            }
        }
        return -1;
    }

    private static String at(int zeroBasedColumn, String message) {
        return "column " + (zeroBasedColumn + 1) + ": " + message;
    }
}
