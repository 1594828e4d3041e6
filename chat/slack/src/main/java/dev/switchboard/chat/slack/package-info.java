/**
 * Slack as a chat platform: {@link dev.switchboard.chat.slack.SlackChatAdapter} receives events over Socket Mode or
 * the HTTP Events API (signature-checked), turns mentions, direct messages, prefixed channel messages and button
 * clicks into inbound messages, and posts Block Kit replies through a rate-limited, ordered per-channel queue,
 * uploading over-long replies as files.
 */
package dev.switchboard.chat.slack;
