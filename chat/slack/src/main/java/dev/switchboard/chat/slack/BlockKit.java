package dev.switchboard.chat.slack;

import dev.switchboard.api.reply.Block;
import dev.switchboard.api.reply.Button;
import dev.switchboard.api.reply.Reply;
import java.util.List;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Renders a platform-neutral {@link Reply} as Block Kit. Text becomes a mrkdwn section (escaped), fields a section
 * with up to ten fields each, code and tables a ``` block, buttons an {@code actions} block whose button
 * {@code value} is the command a click stands for. The fallback {@code text} is the reply's plain text, escaped.
 * Stateless and thread-safe.
 */
final class BlockKit {
    /** Slack's limit on fields in one section. */
    static final int FIELDS_PER_SECTION = 10;
    /** Slack's limit on elements in one actions block. */
    static final int BUTTONS_PER_BLOCK = 25;
    /** Slack's limit on blocks in one message. */
    static final int MAX_BLOCKS = 50;
    /** Slack's limit on a button's label. */
    private static final int MAX_LABEL = 75;
    /** Prefix of the action ids of our buttons, so a click on anything else is not taken for a command. */
    static final String ACTION_PREFIX = "switchboard.button.";

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private BlockKit() {}

    static SlackMessage render(Reply reply) {
        return new SlackMessage(Mrkdwn.escape(reply.plainText()), JSON.writeValueAsString(blocks(reply)));
    }

    /** How many blocks {@link #render} makes; more than {@link #MAX_BLOCKS} cannot be posted as one message. */
    static int blockCount(Reply reply) {
        return blocks(reply).size();
    }

    static ArrayNode blocks(Reply reply) {
        ArrayNode blocks = JSON.createArrayNode();
        int index = 0;
        for (Block block : reply.blocks()) {
            switch (block) {
                case Block.Text t -> blocks.add(section(Mrkdwn.escape(t.text())));
                case Block.Code c -> blocks.add(section(code(c.text())));
                case Block.File f -> blocks.add(section(Mrkdwn.escape(f.name()) + "\n" + code(f.content())));
                case Block.Table t -> blocks.add(section(code(new Reply(List.of(t)).plainText())));
                case Block.Fields f -> fields(blocks, f.fields());
                case Block.Buttons b -> buttons(blocks, b.buttons(), index);
            }
            index++;
        }
        return blocks;
    }

    private static String code(String text) {
        return "```\n" + Mrkdwn.escapeCode(text) + "\n```";
    }

    private static ObjectNode section(String mrkdwn) {
        ObjectNode section = JSON.createObjectNode().put("type", "section");
        section.set("text", mrkdwn(mrkdwn));
        return section;
    }

    private static ObjectNode mrkdwn(String text) {
        // Slack rejects an empty text object; a single space shows as nothing.
        return JSON.createObjectNode().put("type", "mrkdwn").put("text", text.isEmpty() ? " " : text);
    }

    private static void fields(ArrayNode blocks, List<Block.Field> fields) {
        for (int from = 0; from < fields.size(); from += FIELDS_PER_SECTION) {
            ObjectNode section = JSON.createObjectNode().put("type", "section");
            ArrayNode items = section.putArray("fields");
            for (Block.Field field : fields.subList(from, Math.min(fields.size(), from + FIELDS_PER_SECTION))) {
                items.add(mrkdwn("*" + Mrkdwn.escape(field.label()) + "*\n" + Mrkdwn.escape(field.value())));
            }
            blocks.add(section);
        }
    }

    private static void buttons(ArrayNode blocks, List<Button> buttons, int blockIndex) {
        for (int from = 0; from < buttons.size(); from += BUTTONS_PER_BLOCK) {
            ObjectNode actions = JSON.createObjectNode().put("type", "actions");
            ArrayNode elements = actions.putArray("elements");
            for (int i = from; i < Math.min(buttons.size(), from + BUTTONS_PER_BLOCK); i++) {
                Button button = buttons.get(i);
                ObjectNode element = JSON.createObjectNode().put("type", "button");
                element.set("text", JSON.createObjectNode().put("type", "plain_text")
                        .put("text", truncate(button.label(), MAX_LABEL)));
                element.put("value", button.command());
                element.put("action_id", ACTION_PREFIX + blockIndex + "." + i);
                switch (button.style()) {
                    case PRIMARY -> element.put("style", "primary");
                    case DANGER -> element.put("style", "danger");
                    case DEFAULT -> { }
                }
                elements.add(element);
            }
            blocks.add(actions);
        }
    }

    private static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
