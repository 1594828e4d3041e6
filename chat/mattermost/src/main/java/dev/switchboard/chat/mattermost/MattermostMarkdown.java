package dev.switchboard.chat.mattermost;

import dev.switchboard.api.reply.Block;
import dev.switchboard.api.reply.Button;
import dev.switchboard.api.reply.Reply;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Renders the platform-neutral {@link Reply} as Mattermost Markdown. Text is plain, so Markdown characters in it
 * are escaped and channel-wide mentions ({@code @channel}, {@code @all}, {@code @here}) are defused; code becomes a
 * fenced block, fields bold label lines, tables Markdown tables. Buttons become message-attachment actions that
 * call {@code callbackUrl} with {@code {command, secret, thread}} in their context; without a callback URL they
 * degrade to numbered commands to type. Blocks are separated by blank lines. Stateless and thread-safe.
 */
final class MattermostMarkdown {
    private static final Pattern SPECIAL = Pattern.compile("[\\\\`*_~\\[\\]|<>]");
    private static final Pattern LINE_START = Pattern.compile("(?m)^(\\s*)([#>+=-]|\\d+\\.)");
    private static final Pattern LOUD_MENTION = Pattern.compile("@(channel|all|here)\\b", Pattern.CASE_INSENSITIVE);

    private final ObjectMapper json;
    private final URI callbackUrl;
    private final String secret;

    /** {@code callbackUrl} and {@code secret} are both null when buttons are off. */
    MattermostMarkdown(ObjectMapper json, URI callbackUrl, String secret) {
        this.json = json;
        this.callbackUrl = callbackUrl;
        this.secret = secret;
    }

    boolean buttons() {
        return callbackUrl != null;
    }

    /** The reply for a post in thread {@code thread} (null outside threads), which button clicks answer into. */
    RenderedPost render(Reply reply, String thread) {
        List<String> parts = new ArrayList<>();
        List<Button> buttons = new ArrayList<>();
        for (Block block : reply.blocks()) {
            switch (block) {
                case Block.Text t -> parts.add(escape(t.text()));
                case Block.Code c -> parts.add(code(c.text()));
                case Block.File f -> parts.add(escape(f.name()) + "\n" + code(f.content()));
                case Block.Fields f -> parts.add(fields(f));
                case Block.Table t -> parts.add(table(t));
                case Block.Buttons b -> {
                    if (buttons()) {
                        buttons.addAll(b.buttons());
                    } else {
                        parts.add(typedCommands(b));
                    }
                }
            }
        }
        String message = String.join("\n\n", parts.stream().filter(p -> !p.isEmpty()).toList());
        return new RenderedPost(message, buttons.isEmpty() ? null : attachments(buttons, thread));
    }

    /** Plain text made inert: Markdown characters escaped, channel-wide mentions broken with a zero-width space. */
    static String escape(String text) {
        String escaped = SPECIAL.matcher(text).replaceAll(m -> Matcher.quoteReplacement("\\" + m.group()));
        escaped = LINE_START.matcher(escaped).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + escapeMarker(m.group(2))));
        return LOUD_MENTION.matcher(escaped).replaceAll(m -> Matcher.quoteReplacement("@\u200B" + m.group(1)));
    }

    private static String escapeMarker(String marker) {
        return marker.endsWith(".") ? marker.substring(0, marker.length() - 1) + "\\." : "\\" + marker;
    }

    /** A fenced block whose fence is longer than any run of backticks inside, so the text cannot close it. */
    static String code(String text) {
        int longest = 0;
        Matcher ticks = Pattern.compile("`+").matcher(text);
        while (ticks.find()) {
            longest = Math.max(longest, ticks.group().length());
        }
        String fence = "`".repeat(Math.max(3, longest + 1));
        return fence + "\n" + text.stripTrailing() + "\n" + fence;
    }

    private static String fields(Block.Fields fields) {
        List<String> lines = new ArrayList<>();
        for (Block.Field f : fields.fields()) {
            lines.add("**" + oneLine(f.label()) + ":** " + oneLine(f.value()));
        }
        return String.join("\n", lines);
    }

    private static String table(Block.Table table) {
        List<String> lines = new ArrayList<>();
        lines.add(row(table.headers()));
        lines.add("|" + " --- |".repeat(table.headers().size()));
        for (List<String> row : table.rows()) {
            lines.add(row(row));
        }
        return String.join("\n", lines);
    }

    private static String row(List<String> cells) {
        StringBuilder line = new StringBuilder("|");
        for (String cell : cells) {
            line.append(' ').append(cell.isBlank() ? " " : oneLine(cell)).append(" |");
        }
        return line.toString();
    }

    /** Escaped text on one line (labels, values and cells cannot hold line breaks in Markdown). */
    private static String oneLine(String text) {
        return escape(text.replaceAll("\\s*[\\r\\n]+\\s*", " ").strip());
    }

    private static String typedCommands(Block.Buttons buttons) {
        List<String> lines = new ArrayList<>();
        int n = 1;
        for (Button b : buttons.buttons()) {
            lines.add(n++ + "\\. " + oneLine(b.label()) + ": type " + inlineCode(b.command()));
        }
        return String.join("\n", lines);
    }

    private static String inlineCode(String text) {
        String flat = text.replaceAll("[\\r\\n]+", " ");
        return flat.contains("`") ? "``" + flat + " ``" : "`" + flat + "`";
    }

    private ArrayNode attachments(List<Button> buttons, String thread) {
        ArrayNode attachments = json.createArrayNode();
        ObjectNode attachment = attachments.addObject();
        attachment.put("fallback", String.join(" | ", buttons.stream().map(Button::label).toList()));
        ArrayNode actions = attachment.putArray("actions");
        int n = 0;
        for (Button button : buttons) {
            ObjectNode action = actions.addObject();
            action.put("id", "sb" + n++);
            action.put("type", "button");
            action.put("name", button.label());
            action.put("style", button.style().name().toLowerCase(Locale.ROOT));
            ObjectNode integration = action.putObject("integration");
            integration.put("url", callbackUrl.toString());
            integration.putObject("context").put("command", button.command()).put("secret", secret)
                    .put("thread", thread == null ? "" : thread);
        }
        return attachments;
    }
}
