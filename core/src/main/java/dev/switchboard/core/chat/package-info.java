/**
 * Chat traffic in and out of the engine: the {@link dev.switchboard.core.chat.Dispatcher} that takes messages from
 * adapters (bounded queue, in-memory and durable de-duplication, one virtual thread per message), the gateway that
 * routes replies and edits to the adapter of each conversation's platform, and the
 * {@link dev.switchboard.core.chat.Outbox} in front of it that queues, orders and retries what a platform did not
 * accept, reporting what it finally gives up on.
 */
package dev.switchboard.core.chat;
