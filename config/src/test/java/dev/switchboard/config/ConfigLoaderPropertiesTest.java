package dev.switchboard.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Whatever a person does to a valid file, loading answers with a config or with errors: never an exception. A plain
 * seeded loop rather than jqwik, whose engine asks AI agents not to use it (we respect that).
 */
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

    private static final char[] CHARS = {':', '-', '{', '}', '[', ']', '"', '\'', '\n', ' ', '#', '&', '*', '!',
        '|', '>', '$', '\t', 'x', '9', '%', '@', '?', ','};
    private static final long SEED = Long.getLong("properties.seed", 20261126L);
    private static final int TRIES = 200;

    /** Up to six random edits, reproducible from the seed printed with any failure. */
    private static List<Edit> edits(Random random) {
        List<Edit> edits = new ArrayList<>();
        int count = 1 + random.nextInt(6);
        for (int i = 0; i < count; i++) {
            edits.add(new Edit(random.nextDouble(), random.nextInt(3), CHARS[random.nextInt(CHARS.length)]));
        }
        return edits;
    }

    @Test
    void randomEditsOfAValidFileNeverThrowOutOfLoad() throws IOException {
        for (int i = 0; i < TRIES; i++) {
            long seed = SEED + i;
            List<Edit> edits = edits(new Random(seed));
            String text = VALID;
            for (Edit edit : edits) {
                text = edit.apply(text);
            }
            Files.writeString(DIR.resolve("switchboard.yaml"), text);

            LoadResult result = new ConfigLoader(ConfigLoaderTest.ENV::get).load(DIR.resolve("switchboard.yaml"),
                    CommandChecker.NONE);

            String context = "seed " + seed + " (rerun with -Dproperties.seed=" + seed + "), edits " + edits;
            assertThat(result).as(context).isNotNull();
            if (result instanceof LoadResult.Rejected rejected) {
                assertThat(rejected.errors()).as(context).noneMatch(e -> e.message().startsWith("internal error"));
                assertThat(rejected.errors()).as(context).allMatch(e -> e.line() >= 0 && !e.message().isBlank());
            }
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
