package dev.switchboard.core.command;

import dev.switchboard.api.command.ArgType;
import dev.switchboard.api.command.CommandParser;
import dev.switchboard.api.command.CommandSpec;
import dev.switchboard.api.command.Invocation;
import dev.switchboard.api.command.ParseResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * A compiled set of commands that parses chat lines (DESIGN.md §3 "Template rules"). Build one with
 * {@link #compile}; immutable and thread-safe, so a config reload simply compiles a new one.
 *
 * <p>Grammar: literal words match unquoted tokens case-insensitively (a quoted word is always a value);
 * {@code {name}} takes one token or one quoted string ({@code "..."} or {@code '...'}, inside which a backslash
 * escapes the enclosing quote character and itself, and any other backslash is kept); {@code {name=default}} is
 * optional; {@code {name...}} takes the raw rest of the line (quotes kept), stripped, at least one word, and is last. Tokens
 * are separated by any whitespace or control character. An unterminated quote makes the quote and the rest of the
 * line one token, taken literally. Every value is checked by its argument's {@link ArgType} and replaced by its
 * canonical form.
 *
 * <p>Outcomes of {@link #parse}: exactly one command has a match whose arguments all type-check →
 * {@code Matched} (arguments in template order, defaults included; the first such template of the command wins,
 * and optional arguments prefer to take a token); several commands do → {@code Ambiguous} (the overlap check in
 * {@link #compile} keeps this from happening); some template matched by its words but no match type-checks →
 * {@code Invalid} for the match with the most valid arguments (a secret value shown as {@code ***}, a value longer
 * than 80 characters cut short); nothing matched → {@code NoMatch} with the usage lines of up to three commands
 * whose leading literal words are within a Damerau–Levenshtein distance of about a third of their length.
 */
public final class CommandCatalog implements CommandParser {
    private static final String REDACTED = "***";
    /** Longer values are cut in {@code Invalid} replies: the user knows what they typed, and chat lines are short. */
    static final int SHOWN_VALUE_LIMIT = 80;
    /** How many word-level matches per template are weighed when choosing which invalid argument to report. */
    private static final int STRUCTURAL_MATCH_LIMIT = 16;

    private final List<CompiledCommand> commands;
    private final Map<String, CompiledCommand> byId;

    CommandCatalog(List<CompiledCommand> commands) {
        this.commands = List.copyOf(commands);
        Map<String, CompiledCommand> index = new LinkedHashMap<>();
        for (CompiledCommand command : this.commands) {
            index.putIfAbsent(command.id(), command);
        }
        this.byId = Map.copyOf(index);
    }

    /** Compiles and cross-checks the commands, collecting every problem. Never throws for bad declarations. */
    public static Compilation compile(List<CommandSpec> specs) {
        return CatalogCompiler.compile(specs);
    }

    /** Parses one chat line; never throws, for any input (null is treated as empty). Linear in the line length. */
    @Override
    public ParseResult parse(String text) {
        String line = text == null ? "" : text;
        List<Token> tokens = Token.split(line);
        if (tokens.isEmpty()) {
            return new ParseResult.NoMatch(line, List.of());
        }
        List<Invocation> accepted = new ArrayList<>();
        for (CompiledCommand command : commands) {
            TemplateMatcher.ValueTest typed = (name, value) -> command.type(name).check(value)
                    instanceof ArgType.Check.Accepted;
            for (Template template : command.templates()) {
                List<TemplateMatcher.Binding> found = TemplateMatcher.match(template, tokens, line, typed, 1);
                if (!found.isEmpty()) {
                    accepted.add(check(command, found.getFirst(), line).invocation());
                    break;
                }
            }
        }
        if (accepted.size() == 1) {
            return new ParseResult.Matched(accepted.getFirst());
        }
        if (accepted.size() > 1) {
            return new ParseResult.Ambiguous(line, accepted.stream().map(Invocation::commandId).toList());
        }
        ParseResult.Invalid bestInvalid = null;
        int bestValidCount = -1;
        for (CompiledCommand command : commands) {
            for (Template template : command.templates()) {
                for (TemplateMatcher.Binding binding : TemplateMatcher.match(
                        template, tokens, line, TemplateMatcher.ValueTest.ANY, STRUCTURAL_MATCH_LIMIT)) {
                    Checked checked = check(command, binding, line);
                    if (checked.invalid() != null && checked.validCount() > bestValidCount) {
                        bestInvalid = checked.invalid();
                        bestValidCount = checked.validCount();
                    }
                }
            }
        }
        if (bestInvalid != null) {
            return bestInvalid;
        }
        return new ParseResult.NoMatch(line, Suggestions.closest(commands, tokens));
    }

    /**
     * Did-you-mean for a line that matched nothing, among the commands whose id {@code visible} accepts only, so a
     * command the caller may not see is never offered (and never crowds out one they may).
     */
    public List<String> suggestions(String text, Predicate<String> visible) {
        List<CompiledCommand> shown = commands.stream().filter(c -> visible.test(c.id())).toList();
        return Suggestions.closest(shown, Token.split(text == null ? "" : text));
    }

    /** Every command, in declaration order. */
    public List<CommandSpec> commands() {
        return commands.stream().map(CompiledCommand::spec).toList();
    }

    public Optional<CommandSpec> find(String id) {
        return Optional.ofNullable(id).map(byId::get).map(CompiledCommand::spec);
    }

    /** The usage of a command, one line per template ({@code deploy <service> [version] to <env>}). */
    public static String usage(CommandSpec spec) {
        return String.join("\n", usages(spec));
    }

    /**
     * One usage line per template, in template order. A template with a syntax error (only possible for a spec that
     * did not compile) is shown as written.
     */
    public static List<String> usages(CommandSpec spec) {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < spec.templates().size(); i++) {
            String source = spec.templates().get(i);
            lines.add(switch (TemplateSyntax.read(source, i)) {
                case TemplateSyntax.Result.Parsed p -> p.template().usage();
                case TemplateSyntax.Result.Broken b -> source.strip();
            });
        }
        return List.copyOf(lines);
    }

    /** A type-checked binding: an invocation, or the first bad argument and how many arguments were valid. */
    private record Checked(Invocation invocation, ParseResult.Invalid invalid, int validCount) {}

    private static Checked check(CompiledCommand command, TemplateMatcher.Binding binding, String line) {
        Map<String, String> canonical = new LinkedHashMap<>();
        ParseResult.Invalid firstBad = null;
        int valid = 0;
        for (Map.Entry<String, String> arg : binding.raw().entrySet()) {
            String name = arg.getKey();
            ArgType type = command.type(name);
            switch (type.check(arg.getValue())) {
                case ArgType.Check.Accepted a -> {
                    canonical.put(name, a.value());
                    valid++;
                }
                case ArgType.Check.Rejected r -> {
                    if (firstBad == null) {
                        String shown = command.secret(name) ? REDACTED : shorten(arg.getValue());
                        firstBad = new ParseResult.Invalid(
                                command.id(), name, shown, r.expected(), binding.template().usage());
                    }
                }
            }
        }
        if (firstBad != null) {
            return new Checked(null, firstBad, valid);
        }
        return new Checked(new Invocation(command.spec(), canonical, line), null, valid);
    }

    private static String shorten(String value) {
        return value.length() <= SHOWN_VALUE_LIMIT ? value : value.substring(0, SHOWN_VALUE_LIMIT - 1) + "…";
    }
}
