/**
 * The XMPP chat platform ({@code xmpp}) over Smack: {@link dev.switchboard.chat.xmpp.XmppChatAdapter} logs in as
 * one account, answers one-to-one chats and the multi-user chat rooms named in {@link
 * dev.switchboard.chat.xmpp.XmppSettings}, reconnects with capped jittered backoff, re-joins its rooms, and holds
 * replies in a bounded outbox while the connection is down. The pure parts (addressing, reply splitting, stanza
 * triage, backoff) are separate small classes so they are tested without a server.
 */
package dev.switchboard.chat.xmpp;
