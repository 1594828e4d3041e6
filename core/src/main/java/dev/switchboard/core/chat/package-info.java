/**
 * Chat traffic in and out of the engine: the {@link dev.switchboard.core.chat.Dispatcher} that takes messages from
 * adapters (bounded queue, de-duplication, one virtual thread per message), and the gateway that routes replies and
 * edits to the adapter of each conversation's platform.
 */
package dev.switchboard.core.chat;
