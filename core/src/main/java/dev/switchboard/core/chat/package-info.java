/** Outbound chat: the gateway that routes replies and edits to the adapter of each conversation's platform. */
package dev.switchboard.core.chat;
