/**
 * IRC as a chat platform: {@link dev.switchboard.chat.irc.IrcChatAdapter} joins configured channels with one
 * connection (Kitteh IRC client), turns addressed channel lines and private messages into inbound messages, and
 * sends replies as plain-text lines through a rate-limited queue that waits out disconnects.
 */
package dev.switchboard.chat.irc;
