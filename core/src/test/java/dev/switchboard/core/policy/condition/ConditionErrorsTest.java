package dev.switchboard.core.policy.condition;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** What a policy author sees for a bad condition: the exact column and a message naming what was expected. */
class ConditionErrorsTest {
    private static final String NESTED_33 = "(".repeat(33) + "true" + ")".repeat(33);
    private static final String LONG = "true && ".repeat(200) + "true";

    static Stream<Arguments> badConditions() {
        return Stream.of(
                Arguments.of("env == prod", 8,
                                     "expected a quoted string after ==, found 'prod' (values are quoted: 'prod')"),
                Arguments.of("env != staging-2", 8,
                        "expected a quoted string after !=, found 'staging-2' (values are quoted: 'staging-2')"),
                Arguments.of("env == ['a']", 8, "expected a quoted string after ==, found '['"),
                Arguments.of("env 'prod'", 5,
                                     "expected ==, !=, in, not in or matches after env, found the string 'prod'"),
                Arguments.of("env", 4,
                                     "expected ==, !=, in, not in or matches after env, found the end of the condition"),
                Arguments.of("env = 'prod'", 5, "unknown operator '='; expected == or !="),
                Arguments.of("env === 'prod'", 5, "unknown operator '==='; expected == or !="),
                Arguments.of("env <> 'prod'", 5, "unknown operator '<>'; expected == or !="),
                Arguments.of("env !== 'prod'", 5, "unknown operator '!=='; expected != or =="),
                Arguments.of("a == 'x' & b == 'y'", 10, "unknown operator '&'; expected &&"),
                Arguments.of("a == 'x' | b == 'y'", 10, "unknown operator '|'; expected ||"),
                Arguments.of("env == 'prod", 8, "unterminated string: no closing ' before the end of the condition"),
                Arguments.of("env == \"prod\\\"", 8,
                                     "unterminated string: no closing \" before the end of the condition"),
                Arguments.of("env == 'a\\.'", 10, "unknown escape in a string: \\ followed by '.' (U+002E); "
                        + "escapes are \\\\, \\', \\\", \\n and \\t (write \\\\ for a backslash)"),
                Arguments.of("service in []", 13, "a list needs at least one value, found ']'"),
                Arguments.of("service in ['a',]", 17, "expected a quoted string in the list, found ']'"),
                Arguments.of("service in ['a' 'b']", 17, "expected , or ] in the list, found the string 'b'"),
                Arguments.of("service in ['a'", 16, "expected , or ] in the list, found the end of the condition"),
                Arguments.of("service in 'a'", 12, "expected a list such as ['a', 'b'] after in, found the string 'a'"),
                Arguments.of("service not ['a']", 13, "expected in after not, found '['"),
                Arguments.of("env == 'prod' x", 15, "expected &&, || or the end of the condition, found 'x'"),
                Arguments.of("env == 'prod')", 14, "expected &&, || or the end of the condition, found ')'"),
                Arguments.of("(env == 'prod'", 15,
                                     "expected ) to close the ( at column 1, found the end of the condition"),
                Arguments.of("env == 'prod' &&", 17,
                                     "expected a name, !, (, true or false, found the end of the condition"),
                Arguments.of("'prod' == env", 1, "expected a name, !, (, true or false, found the string 'prod'"),
                Arguments.of("Env == 'prod'", 1,
                        "'Env' is not a name; names are lowercase letters, digits, _ and ., starting with a letter"),
                Arguments.of("in == 'x'", 1, "expected a name, found the keyword 'in'"),
                Arguments.of("env == 'a' # b", 12, "unexpected character '#' (U+0023)"),
                Arguments.of("env == 'a'\u0007", 11, "unexpected character U+0007"),
                Arguments.of("a == '🚀' b", 10, "expected &&, || or the end of the condition, found 'b'"),
                Arguments.of("version matches '(1'", 17, "bad regular expression '(1': Unclosed group"),
                Arguments.of("version matches 1", 17,
                        "expected a quoted string after matches, found '1' (values are quoted: '1')"),
                Arguments.of(NESTED_33, 33, "the condition nests ( and ! more than 32 levels deep"),
                Arguments.of("!".repeat(40) + "true", 33, "the condition nests ( and ! more than 32 levels deep"),
                Arguments.of(LONG, 1001, "the condition is 1604 characters long; at most 1000 are allowed"),
                Arguments.of("", 1, "the condition is empty; expected one such as env == 'prod'"),
                Arguments.of("   ", 4, "the condition is empty; expected one such as env == 'prod'"));
    }

    @ParameterizedTest(name = "{0} is rejected at column {1}")
    @MethodSource("badConditions")
    void rejectsWithTheColumnAndWhatWasExpected(String source, int column, String message) {
        assertThat(Condition.parse(source)).isEqualTo(new Compiled.Rejected(column, message));
    }

    @Test
    void theDescriptionLeadsWithTheColumn() {
        assertThat(((Compiled.Rejected) Condition.parse("env == prod")).describe())
                .isEqualTo("column 8: expected a quoted string after ==, found 'prod' (values are quoted: 'prod')");
    }

    @Test
    void theLimitsThemselvesAreAccepted() {
        String nested32 = "(".repeat(32) + "true" + ")".repeat(32);
        String exactlyLong = "true" + " ".repeat(Condition.MAX_LENGTH - 4);
        assertThat(Condition.parse(nested32)).isInstanceOf(Compiled.Parsed.class);
        assertThat(Condition.parse(exactlyLong)).isInstanceOf(Compiled.Parsed.class);
    }

    @Test
    void theFirstErrorInReadingOrderIsReported() {
        assertThat(Condition.parse("env == prod && 'unterminated"))
                .extracting(compiled -> ((Compiled.Rejected) compiled).column()).isEqualTo(8);
    }
}
