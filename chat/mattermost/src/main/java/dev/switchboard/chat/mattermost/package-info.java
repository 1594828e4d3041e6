/**
 * Mattermost as a chat platform: {@link dev.switchboard.chat.mattermost.MattermostChatAdapter} listens on the
 * Mattermost WebSocket for posts addressed to the bot account, answers through the REST API v4 with Markdown posts
 * and interactive buttons, queues outbound posts per channel within the server's rate limits, and turns button
 * callbacks ({@link dev.switchboard.chat.mattermost.MattermostChatAdapter#handleAction}) into commands typed by the
 * clicking user.
 */
package dev.switchboard.chat.mattermost;
