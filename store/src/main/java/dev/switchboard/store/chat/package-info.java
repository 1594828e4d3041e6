/**
 * Chat traffic kept in the database: the platform events already handled (so redeliveries are dropped across
 * restarts and replicas) and the outbound queue of messages a platform did not accept at once, with the JSON form
 * of a {@link dev.switchboard.api.reply.Reply}.
 */
package dev.switchboard.store.chat;
