package dev.switchboard.chat.mattermost;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PostSplitterTest {

    @Test
    void aMessageWithinTheLimitIsOnePost() {
        assertThat(PostSplitter.split("short", 100)).containsExactly("short");
    }

    @Test
    void aLongMessageIsCutAtLineBreaksFirst() {
        String message = "a".repeat(60) + "\n" + "b".repeat(60) + " " + "c".repeat(30);
        assertThat(PostSplitter.split(message, 100)).containsExactly("a".repeat(60), "b".repeat(60) + " " + "c".repeat(30));
    }

    @Test
    void aCodeBlockCutInTwoIsClosedAndReopened() {
        StringBuilder code = new StringBuilder("```\n");
        for (int i = 0; i < 40; i++) {
            code.append("line ").append(i).append('\n');
        }
        code.append("```");

        List<String> parts = PostSplitter.split(code.toString(), 120);

        assertThat(parts).hasSizeGreaterThan(1).allSatisfy(part -> {
            assertThat(part.length()).isLessThanOrEqualTo(120);
            assertThat(part).startsWith("```").endsWith("```");
            assertThat(PostSplitter.openFenceAtEnd(part)).isNull();
        });
    }

    /** Seeded property: every part fits, nothing but separators is lost, and surrogate pairs stay whole. */
    @Test
    void anyMessageSplitsIntoPartsThatFitAndKeepAllItsText() {
        Random random = new Random(20_261_126);
        String[] pieces = {"word ", "\n", "```\n", "x", "😀", "  ", "longerword", "`"};
        for (int run = 0; run < 500; run++) {
            StringBuilder message = new StringBuilder();
            int length = random.nextInt(3_000);
            while (message.length() < length) {
                message.append(pieces[random.nextInt(pieces.length)]);
            }
            int max = 100 + random.nextInt(400);

            List<String> parts = PostSplitter.split(message.toString(), max);

            String joined = String.join("", parts).replaceAll("\\s|`", "");
            assertThat(joined).as("run %d", run).isEqualTo(message.toString().replaceAll("\\s|`", ""));
            for (String part : parts) {
                assertThat(part.length()).as("run %d", run).isLessThanOrEqualTo(max);
                assertThat(Character.isHighSurrogate(part.charAt(part.length() - 1))).as("run %d", run).isFalse();
            }
        }
    }
}
