/**
 * Chat platforms: how a platform's events become {@link dev.switchboard.api.chat.InboundMessage}s and how replies
 * go back out. One {@link dev.switchboard.api.chat.ChatAdapter} per platform, each in its own module.
 */
package dev.switchboard.api.chat;
