package dev.switchboard.core.policy.condition;

import dev.switchboard.core.policy.condition.ConditionLexer.Failure;
import dev.switchboard.core.policy.condition.ConditionLexer.Kind;
import dev.switchboard.core.policy.condition.ConditionLexer.Token;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Recursive descent over {@code or := and ('||' and)*}, {@code and := unary ('&&' unary)*},
 * {@code unary := '!' unary | '(' or ')' | 'true' | 'false' | comparison}. Recursion goes only through {@code !} and
 * {@code (}, which are counted against {@link Condition#MAX_DEPTH}, so the stack stays small. One per parse.
 */
final class ConditionParser {
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_.]*");
    private static final Set<String> KEYWORDS = Set.of("in", "not", "matches", "true", "false");
    private static final int SHOWN_TOKEN_CHARS = 40;

    private final String source;
    private final ConditionLexer lexer;
    private Token current;
    private int depth;

    ConditionParser(String source) {
        this.source = source;
        this.lexer = new ConditionLexer(source);
    }

    Compiled parse() {
        if (source.length() > Condition.MAX_LENGTH) {
            return rejected(Condition.MAX_LENGTH, "the condition is %d characters long; at most %d are allowed"
                    .formatted(source.length(), Condition.MAX_LENGTH));
        }
        try {
            advance();
            if (current.kind() == Kind.END) {
                throw new Failure(current.index(), "the condition is empty; expected one such as env == 'prod'");
            }
            Expression expression = or();
            if (current.kind() != Kind.END) {
                throw unexpected("&&, || or the end of the condition");
            }
            return new Compiled.Parsed(new Condition(expression));
        } catch (Failure failure) {
            return rejected(failure.index(), failure.getMessage());
        }
    }

    private Compiled.Rejected rejected(int index, String message) {
        return new Compiled.Rejected(source.codePointCount(0, Math.min(index, source.length())) + 1, message);
    }

    private Expression or() {
        List<Expression> operands = new ArrayList<>();
        addFlat(operands, and(), Expression.AnyOf.class);
        while (current.kind() == Kind.OR) {
            advance();
            addFlat(operands, and(), Expression.AnyOf.class);
        }
        return operands.size() == 1 ? operands.getFirst() : new Expression.AnyOf(operands);
    }

    private Expression and() {
        List<Expression> operands = new ArrayList<>();
        addFlat(operands, unary(), Expression.AllOf.class);
        while (current.kind() == Kind.AND) {
            advance();
            addFlat(operands, unary(), Expression.AllOf.class);
        }
        return operands.size() == 1 ? operands.getFirst() : new Expression.AllOf(operands);
    }

    /** Splices a parenthesised chain of the same kind into its parent, so the tree is canonical. */
    private static void addFlat(List<Expression> operands, Expression operand, Class<? extends Expression> chain) {
        switch (operand) {
            case Expression.AllOf all when chain == Expression.AllOf.class -> operands.addAll(all.operands());
            case Expression.AnyOf any when chain == Expression.AnyOf.class -> operands.addAll(any.operands());
            default -> operands.add(operand);
        }
    }

    private Expression unary() {
        Token token = current;
        switch (token.kind()) {
            case NOT -> {
                enter(token);
                advance();
                Expression operand = unary();
                depth--;
                return new Expression.Not(operand);
            }
            case LPAREN -> {
                enter(token);
                advance();
                Expression inner = or();
                if (current.kind() != Kind.RPAREN) {
                    throw unexpected(") to close the ( at column " + column(token));
                }
                advance();
                depth--;
                return inner;
            }
            case WORD -> {
                if (token.text().equals("true") || token.text().equals("false")) {
                    advance();
                    return new Expression.Literal(token.text().equals("true"));
                }
                return comparison();
            }
            default -> throw unexpected("a name, !, (, true or false");
        }
    }

    private void enter(Token token) {
        if (++depth > Condition.MAX_DEPTH) {
            throw new Failure(token.index(), "the condition nests ( and ! more than %d levels deep"
                    .formatted(Condition.MAX_DEPTH));
        }
    }

    private Expression comparison() {
        Token nameToken = current;
        String name = nameToken.text();
        if (KEYWORDS.contains(name)) {
            throw new Failure(nameToken.index(), "expected a name, found the keyword '%s'".formatted(name));
        }
        if (!NAME.matcher(name).matches()) {
            throw new Failure(nameToken.index(), ("'%s' is not a name; names are lowercase letters, digits, _ and ., "
                    + "starting with a letter").formatted(shorten(name)));
        }
        advance();
        Token operator = current;
        if (operator.kind() == Kind.EQ || operator.kind() == Kind.NE) {
            advance();
            return new Expression.Equals(name, string("after " + operator.text()).value(),
                    operator.kind() == Kind.NE);
        }
        String word = operator.kind() == Kind.WORD ? operator.text() : "";
        switch (word) {
            case "in" -> {
                advance();
                return new Expression.Member(name, list("in"), false);
            }
            case "not" -> {
                advance();
                if (!(current.kind() == Kind.WORD && current.text().equals("in"))) {
                    throw unexpected("in after not");
                }
                advance();
                return new Expression.Member(name, list("not in"), true);
            }
            case "matches" -> {
                advance();
                Token regex = string("after matches");
                try {
                    return new Expression.Matches(name, Pattern.compile(regex.value()));
                } catch (PatternSyntaxException e) {
                    throw new Failure(regex.index(), "bad regular expression %s: %s"
                            .formatted(shorten(regex.text()), e.getDescription()));
                }
            }
            default -> throw unexpected("==, !=, in, not in or matches after " + name);
        }
    }

    private List<String> list(String after) {
        if (current.kind() != Kind.LBRACKET) {
            throw unexpected("a list such as ['a', 'b'] after " + after);
        }
        advance();
        if (current.kind() == Kind.RBRACKET) {
            throw new Failure(current.index(), "a list needs at least one value, found ']'");
        }
        List<String> values = new ArrayList<>();
        while (true) {
            values.add(string("in the list").value());
            switch (current.kind()) {
                case COMMA -> advance();
                case RBRACKET -> {
                    advance();
                    return values;
                }
                default -> throw unexpected(", or ] in the list");
            }
        }
    }

    private Token string(String where) {
        Token token = current;
        if (token.kind() == Kind.STRING) {
            advance();
            return token;
        }
        if (token.kind() == Kind.WORD) {
            throw new Failure(token.index(), "expected a quoted string %s, found %s (values are quoted: %s)"
                    .formatted(where, found(token), Expression.quote(shorten(token.text()))));
        }
        throw unexpected("a quoted string " + where);
    }

    private Failure unexpected(String expected) {
        return new Failure(current.index(), "expected %s, found %s".formatted(expected, found(current)));
    }

    private static String found(Token token) {
        return switch (token.kind()) {
            case END -> "the end of the condition";
            case STRING -> "the string " + shorten(token.text());
            default -> "'" + shorten(token.text()) + "'";
        };
    }

    private static String shorten(String text) {
        return text.length() > SHOWN_TOKEN_CHARS ? text.substring(0, SHOWN_TOKEN_CHARS) + "…" : text;
    }

    private int column(Token token) {
        return source.codePointCount(0, token.index()) + 1;
    }

    private void advance() {
        current = lexer.next();
    }
}
