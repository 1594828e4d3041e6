package dev.switchboard.chat.mattermost;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.api.reply.Block;
import dev.switchboard.api.reply.Button;
import dev.switchboard.api.reply.Reply;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.core.json.JsonWriteFeature;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Replies rendered as Mattermost posts, compared with golden files in {@code src/test/resources/golden}. After an
 * intended change, regenerate with {@code -Dgolden.update=true} and review the diff.
 */
class MattermostMarkdownTest {
    private static final Path GOLDEN = Path.of("src/test/resources/golden");
    // Non-ASCII escaped, so the zero-width space that defuses @channel is visible in a review.
    private static final ObjectMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT)
            .enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();
    private static final MattermostMarkdown WITH_BUTTONS = new MattermostMarkdown(JSON,
            URI.create("https://switchboard.example.org/mattermost/actions"), "golden-secret-0123456789");
    private static final MattermostMarkdown WITHOUT_BUTTONS = new MattermostMarkdown(JSON, null, null);

    private static final Reply JOB = Reply.builder()
            .text("Job 42 (deploy web 1.4.2 to prod) is running")
            .field("Status", "running").field("Started by", "alice").field("Took", "12s")
            .code("$ ./deploy.sh web 1.4.2 prod\nrolling out 3/5 pods\n```not a fence```")
            .table(List.of("pod", "state"), List.of(List.of("web-1", "ready"), List.of("web-2", "pending | retry")))
            .buttons(new Button("Cancel", "cancel 42", Button.Style.DANGER), Button.of("Logs", "logs 42"))
            .build();

    @Test
    void aJobReplyWithButtonsMatchesItsGoldenPost() throws IOException {
        assertGolden("job-with-buttons", WITH_BUTTONS, JOB, "abc123rootpostid");
    }

    @Test
    void withoutACallbackUrlButtonsBecomeNumberedCommands() throws IOException {
        assertGolden("job-without-buttons", WITHOUT_BUTTONS, JOB, null);
    }

    @Test
    void markdownAndLoudMentionsInPlainTextAreMadeInert() throws IOException {
        Reply reply = Reply.builder().text("# not a heading\n> not a quote\n1. not a list\n*bold* _it_ `code` [link](x)"
                + " <!channel> @channel @ALL @here @alice").add(new Block.Fields(List.of(new Block.Field("Multi\nline",
                "a\nb")))).build();
        assertGolden("escaping", WITH_BUTTONS, reply, null);
    }

    @Test
    void escapedTextReadsTheSameOnceMattermostRendersIt() {
        String text = "deploy_web *now* [x] | y > z # 1. \\ ~a~ `b`";
        String unescaped = MattermostMarkdown.escape(text).replaceAll("\\\\(\\p{Punct})", "$1");
        assertThat(unescaped).isEqualTo(text);
    }

    @Test
    void aCodeBlockFenceIsLongerThanAnyBackticksInside() {
        assertThat(MattermostMarkdown.code("a ```` b")).startsWith("`````\n").endsWith("\n`````");
    }

    private static void assertGolden(String name, MattermostMarkdown markdown, Reply reply, String thread)
            throws IOException {
        RenderedPost post = markdown.render(reply, thread);
        ObjectNode node = JSON.createObjectNode().put("message", post.message());
        if (post.attachments() != null) {
            node.putObject("props").set("attachments", post.attachments());
        }
        String actual = JSON.writeValueAsString(node) + "\n";
        Path file = GOLDEN.resolve(name + ".json");
        if (Boolean.getBoolean("golden.update") || !Files.exists(file)) {
            Files.createDirectories(GOLDEN);
            Files.writeString(file, actual, StandardCharsets.UTF_8);
        }
        assertThat(actual).as("golden file %s (regenerate with -Dgolden.update=true)", file)
                .isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
    }

}
