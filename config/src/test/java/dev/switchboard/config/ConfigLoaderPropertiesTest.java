package dev.switchboard.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Whatever a person does to a valid file, loading answers with a config or with errors: never an exception. */
class ConfigLoaderPropertiesTest {
    private static final String VALID = read(ConfigLoaderTest.MAIN);
    private static final Path DIR = copyFixture();

    /** One edit: at a relative position, delete, insert a YAML-significant character, or duplicate a line. */
    record Edit(double at, int kind, char c) {
        String apply(String text) {
            int i = (int) (at * text.length());
            return switch (kind) {
                case 0 -> text.isEmpty() ? text : text.substring(0, Math.min(i, text.length() - 1))
                        + text.substring(Math.min(i, text.length() - 1) + 1);
                case 1 -> text.substring(0, i) + c + text.substring(i);
                default -> {
                    int start = text.lastIndexOf('\n', Math.max(0, i - 1)) + 1;
                    int end = text.indexOf('\n', i);
                    String line = text.substring(start, end < 0 ? text.length() : end + 1);
                    yield text.substring(0, start) + line + text.substring(start);
                }
            };
        }
    }

    @Provide
    Arbitrary<List<Edit>> edits() {
        Arbitrary<Character> chars = Arbitraries.of(':', '-', '{', '}', '[', ']', '"', '\'', '\n', ' ', '#', '&',
                '*', '!', '|', '>', '$', '\t', 'x', '9', '%', '@', '?', ',');
        Arbitrary<Edit> edit = Combinators.combine(Arbitraries.doubles().between(0, 1),
                Arbitraries.integers().between(0, 2), chars).as(Edit::new);
        return edit.list().ofMinSize(1).ofMaxSize(6);
    }

    @Property(tries = 200)
    void randomEditsOfAValidFileNeverThrowOutOfLoad(@ForAll("edits") List<Edit> edits) throws IOException {
        String text = VALID;
        for (Edit edit : edits) {
            text = edit.apply(text);
        }
        Files.writeString(DIR.resolve("switchboard.yaml"), text);

        LoadResult result = new ConfigLoader(ConfigLoaderTest.ENV::get).load(DIR.resolve("switchboard.yaml"),
                CommandChecker.NONE);

        assertThat(result).isNotNull();
        if (result instanceof LoadResult.Rejected rejected) {
            assertThat(rejected.errors()).noneMatch(e -> e.message().startsWith("internal error"));
            assertThat(rejected.errors()).allMatch(e -> e.line() >= 0 && !e.message().isBlank());
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Path copyFixture() {
        try {
            Path dir = Files.createTempDirectory("config-properties");
            Files.createDirectories(dir.resolve("more"));
            Files.copy(ConfigLoaderTest.MAIN.resolveSibling("more/ops.yaml"), dir.resolve("more/ops.yaml"));
            return dir;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
