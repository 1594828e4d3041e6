package dev.switchboard.api.action;

import dev.switchboard.api.chat.ConversationRef;
import dev.switchboard.api.command.Invocation;
import dev.switchboard.api.identity.Principal;

/**
 * One run of an action: the job it belongs to, what was asked (arguments checked and frozen), by whom and where.
 * Actions read argument values from {@code invocation().args()}.
 */
public record ActionRequest(long jobId, Invocation invocation, Principal principal, ConversationRef conversation) {}
