/**
 * Requests parked until a person acts on them: confirmations ({@code yes <code>} from the requester) and
 * approvals (N eligible people other than the requester). A {@link dev.switchboard.api.approval.PendingRequest}
 * freezes what was asked, so what runs is exactly what was confirmed or approved; a
 * {@link dev.switchboard.api.approval.PendingStore} keeps them across restarts.
 */
package dev.switchboard.api.approval;
