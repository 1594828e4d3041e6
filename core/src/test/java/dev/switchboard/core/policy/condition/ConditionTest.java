package dev.switchboard.core.policy.condition;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** How conditions evaluate, explain themselves and print, on hand-written tables. */
class ConditionTest {

    static Condition compile(String source) {
        Compiled compiled = Condition.parse(source);
        assertThat(compiled).as("parse of %s", source).isInstanceOf(Compiled.Parsed.class);
        return ((Compiled.Parsed) compiled).condition();
    }

    /** {@code env=prod;service=web}; blank means no facts at all. */
    static Facts facts(String pairs) {
        if (pairs == null || pairs.isBlank()) {
            return Facts.of(Map.of());
        }
        return Facts.of(Arrays.stream(pairs.split(";")).map(pair -> pair.split("=", 2))
                .collect(Collectors.toMap(pair -> pair[0], pair -> pair[1])));
    }

    @ParameterizedTest(name = "{0} with {1} is {2}")
    @CsvSource(delimiterString = "::", quoteCharacter = '"', textBlock = """
            env == 'prod'                                  :: env=prod                  :: true
            env == 'prod'                                  :: env=staging               :: false
            env == 'prod'                                  :: env=Prod                  :: false
            env != 'prod'                                  :: env=staging               :: true
            env != 'prod'                                  :: env=prod                  :: false
            env == 'prod'                                  ::                           :: false
            env != 'prod'                                  ::                           :: true
            service in ['web', 'api']                      :: service=api               :: true
            service in ['web', 'api']                      :: service=billing           :: false
            service in ['web']                             ::                           :: false
            service not in ['web', 'api']                  :: service=billing           :: true
            service not in ['web', 'api']                  :: service=web               :: false
            service not in ['web']                         ::                           :: true
            version matches '^1\\\\.'                      :: version=1.4.2             :: true
            version matches '^1\\\\.'                      :: version=11.0              :: false
            version matches '\\\\.2$'                      :: version=1.4.2             :: true
            version matches 'rc'                           :: version=2.0-rc1           :: true
            version matches '.*'                           ::                           :: false
            channel == 'slack:#deploys'                    :: channel=slack:#deploys    :: true
            true                                           ::                           :: true
            false                                          :: env=prod                  :: false
            !false                                         ::                           :: true
            !(env == 'prod')                               :: env=prod                  :: false
            !env == 'prod'                                 :: env=dev                   :: true
            !!(env == 'prod')                              :: env=prod                  :: true
            a == 'x' || b == 'y' && c == 'z'               :: a=x                       :: true
            a == 'x' || b == 'y' && c == 'z'               :: b=y                       :: false
            a == 'x' || b == 'y' && c == 'z'               :: b=y;c=z                   :: true
            (a == 'x' || b == 'y') && c == 'z'             :: a=x                       :: false
            (a == 'x' || b == 'y') && c == 'z'             :: a=x;c=z                   :: true
            !a == 'x' && b == 'y'                          :: b=y                       :: true
            !(a == 'x' && b == 'y')                        :: b=y                       :: true
            env == 'prod' && (service == 'web' || true)    :: env=prod                  :: true
            ((((env == 'prod'))))                          :: env=prod                  :: true
            user == 'alice' && platform == 'slack'         :: user=alice;platform=slack :: true
            """)
    void evaluatesToTheTableValue(String source, String facts, boolean expected) {
        assertThat(compile(source).evaluate(facts(facts)).value()).isEqualTo(expected);
    }

    static Stream<Arguments> stringsWithQuotesAndEscapes() {
        return Stream.of(
                Arguments.of("name == \"it's\"", "it's"),
                Arguments.of("name == 'it\\'s'", "it's"),
                Arguments.of("name == 'say \"hi\"'", "say \"hi\""),
                Arguments.of("name == \"say \\\"hi\\\"\"", "say \"hi\""),
                Arguments.of("name == 'back\\\\slash'", "back\\slash"),
                Arguments.of("name == 'two\\nlines'", "two\nlines"),
                Arguments.of("name == 'tab\\there'", "tab\there"),
                Arguments.of("name == ''", ""),
                Arguments.of("name == 'ünïcødé 🚀'", "ünïcødé 🚀"),
                Arguments.of("name in ['a,b', \"c]\"]", "c]"));
    }

    @ParameterizedTest(name = "{0} accepts {1}")
    @MethodSource("stringsWithQuotesAndEscapes")
    void quotedStringsDecodeTheirEscapes(String source, String value) {
        Condition condition = compile(source);
        assertThat(condition.evaluate(Facts.of(Map.of("name", value))).value()).isTrue();
        assertThat(condition.evaluate(Facts.of(Map.of("name", value + "x"))).value()).isFalse();
    }

    @ParameterizedTest(name = "{0} explains itself as {2}")
    @CsvSource(delimiterString = "::", quoteCharacter = '"', textBlock = """
            env == 'prod'              :: env=prod        :: env == 'prod' is true (env is 'prod')
            env == 'prod'              ::                 :: env == 'prod' is false (env is not set)
            env != 'prod'              ::                 :: env != 'prod' is true (env is not set)
            service in ['web','api']   :: service=billing :: service in ['web', 'api'] is false (service is 'billing')
            version matches '^1'       :: version=2.0     :: version matches '^1' is false (version is '2.0')
            true                       ::                 :: true is always true
            !(env == 'prod')           :: env=dev         :: !(env == 'prod') is true because env == 'prod' is false (env is 'dev')
            a == 'x' && b == 'y'       :: a=q;b=y         :: a == 'x' is false (a is 'q')
            a == 'x' && b == 'y'       :: a=x;b=y         :: a == 'x' is true (a is 'x') and b == 'y' is true (b is 'y')
            a == 'x' || b == 'y'       :: a=q;b=y         :: a == 'x' is false (a is 'q') or b == 'y' is true (b is 'y')
            (a == 'x' || b == 'y') && c == 'z' :: a=x     :: (a == 'x' is true (a is 'x')) and c == 'z' is false (c is not set)
            """)
    void explainsWhyWithTheValuesItRead(String source, String facts, String explanation) {
        assertThat(compile(source).evaluate(facts(facts)).explanation()).isEqualTo(explanation);
    }

    @Test
    void longValuesAreCutInTheExplanation() {
        String explanation = compile("env == 'prod'").evaluate(Facts.of(Map.of("env", "x".repeat(500))))
                .explanation();
        assertThat(explanation).hasSizeLessThan(130).contains("x".repeat(80) + "…");
    }

    @ParameterizedTest(name = "{0} prints as {1}")
    @CsvSource(delimiterString = "::", quoteCharacter = '"', textBlock = """
            env=='prod'                              :: env == 'prod'
            service in [ 'web' ,'api' ]              :: service in ['web', 'api']
            s not   in ['a']                         :: s not in ['a']
            a == 'x' || (b == 'y' && c == 'z')       :: a == 'x' || b == 'y' && c == 'z'
            (a == 'x' || b == 'y') && c == 'z'       :: (a == 'x' || b == 'y') && c == 'z'
            (a == 'x' && b == 'y') && c == 'z'       :: a == 'x' && b == 'y' && c == 'z'
            a == 'x' || (b == 'y' || c == 'z')       :: a == 'x' || b == 'y' || c == 'z'
            !a == 'x'                                :: !(a == 'x')
            !!true                                   :: !!true
            !(a == 'x' || b == 'y')                  :: !(a == 'x' || b == 'y')
            v matches '^1\\\\.'                      :: v matches '^1\\\\.'
            """)
    void printsACanonicalForm(String source, String canonical) {
        assertThat(compile(source)).hasToString(canonical).isEqualTo(compile(canonical));
    }

    @Test
    void namesAreTheNamesItReadsSortedWithoutDuplicates() {
        Condition condition = compile("service in ['web'] || env == 'prod' && !(env matches 'x') || true");
        assertThat(condition.names()).containsExactly("env", "service");
        assertThat(compile("false").names()).isEmpty();
    }

    @Test
    void matchesFindsTheRegexAnywhereUnlessAnchored() {
        Facts facts = Facts.of(Map.of("version", "v1.2"));
        assertThat(compile("version matches '1\\\\.'").evaluate(facts).value()).isTrue();
        assertThat(compile("version matches '^1\\\\.'").evaluate(facts).value()).isFalse();
        assertThat(compile("version matches '^v1\\\\.2$'").evaluate(facts).value()).isTrue();
    }

    @Test
    void evaluationReadsOnlyUntilTheOutcomeIsDecided() {
        java.util.List<String> asked = new java.util.ArrayList<>();
        Facts counting = name -> {
            asked.add(name);
            return java.util.Optional.of("x");
        };
        assertThat(compile("a == 'x' || b == 'x'").evaluate(counting).value()).isTrue();
        assertThat(asked).containsExactly("a");
    }
}
