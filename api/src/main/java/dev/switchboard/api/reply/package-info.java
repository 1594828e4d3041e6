/**
 * The platform-neutral reply model: a {@link dev.switchboard.api.reply.Reply} is a list of blocks (text, code,
 * fields, table, buttons). Each adapter renders it for its platform; {@link dev.switchboard.api.reply.PlainText}
 * is the reference degradation for platforms that show only text.
 */
package dev.switchboard.api.reply;
