package dev.switchboard.chat.slack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.api.reply.Block;
import dev.switchboard.api.reply.Button;
import dev.switchboard.api.reply.Reply;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Block Kit rendering against golden files in {@code src/test/resources/golden/}: each file holds the
 * {@code text} fallback and the {@code blocks} Slack receives. Regenerate with {@code -Dgolden.update=true} and
 * review the diff.
 */
class BlockKitTest {
    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final Path GOLDEN = Path.of("src/test/resources/golden");

    @Test
    void textIsAnEscapedMrkdwnSection() throws IOException {
        assertGolden("text", Reply.text("deploy <web> & \"api\" > prod"));
    }

    @Test
    void codeIsAFencedBlockThatItsOwnBackticksCannotClose() throws IOException {
        assertGolden("code", Reply.builder().code("$ kubectl get pods\nweb-1  Running  <none>\n```oops").build());
    }

    @Test
    void fieldsAreSectionFieldsWithBoldLabels() throws IOException {
        assertGolden("fields", Reply.builder().field("Job", "42").field("State", "running").field("Took", "3 s")
                .build());
    }

    @Test
    void moreThanTenFieldsSpreadOverSections() throws IOException {
        List<Block.Field> fields = new ArrayList<>();
        for (int i = 1; i <= 12; i++) {
            fields.add(new Block.Field("k" + i, "v" + i));
        }
        assertGolden("fields-many", Reply.builder().fields(fields).build());
    }

    @Test
    void aTableIsAnAlignedCodeBlock() throws IOException {
        assertGolden("table", Reply.builder().table(List.of("service", "version", "state"),
                List.of(List.of("web", "1.4.2", "healthy"), List.of("billing", "0.9", "degraded"))).build());
    }

    @Test
    void buttonsAreAnActionsBlockWhoseValuesAreTheCommands() throws IOException {
        assertGolden("buttons", Reply.builder().text("deploy web 1.4.2 to prod needs approval (A-1)")
                .buttons(new Button("Approve", "approve A-1", Button.Style.PRIMARY),
                        new Button("Deny", "deny A-1", Button.Style.DANGER), Button.of("Details", "show A-1"))
                .build());
    }

    @Test
    void theFallbackTextIsThePlainTextEscaped() {
        SlackMessage message = BlockKit.render(Reply.builder().text("a < b").buttons(Button.of("Go", "go")).build());

        assertThat(message.text()).isEqualTo("a &lt; b\n[1] Go: type \"go\"");
    }

    private static void assertGolden(String name, Reply reply) throws IOException {
        SlackMessage message = BlockKit.render(reply);
        ObjectNode actual = JSON.createObjectNode().put("text", message.text());
        actual.set("blocks", JSON.readTree(message.blocksJson()));
        Path file = GOLDEN.resolve(name + ".json");
        if (Boolean.getBoolean("golden.update")) {
            Files.createDirectories(GOLDEN);
            Files.writeString(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(actual) + "\n",
                    StandardCharsets.UTF_8);
        }
        JsonNode expected = JSON.readTree(Files.readString(file, StandardCharsets.UTF_8));
        assertThat(actual).as("rendering of %s (regenerate with -Dgolden.update=true)", name).isEqualTo(expected);
    }
}
