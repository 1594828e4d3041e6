package dev.switchboard.chat.slack;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Slack's text escaping both ways. Outbound, {@code &}, {@code <} and {@code >} are the only characters Slack asks
 * apps to escape (they start links, mentions and entities). Inbound, Slack sends those escaped and wraps links as
 * {@code <url>} or {@code <url|label>}; commands want the plain text back. Stateless.
 */
final class Mrkdwn {
    private static final Pattern LINK = Pattern.compile("<((?:https?|mailto):[^|>]*)(?:\\|[^>]*)?>");

    private Mrkdwn() {}

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** Text inside a ``` block: escaped, and a ``` in the text cannot close the block early. */
    static String escapeCode(String text) {
        return escape(text).replace("```", "`\u200B`\u200B`");
    }

    /** What a person typed: links back to their URL, entities decoded; user and channel mentions are kept. */
    static String unescape(String text) {
        Matcher link = LINK.matcher(text);
        String plain = link.replaceAll(m -> Matcher.quoteReplacement(m.group(1)));
        return plain.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
    }
}
