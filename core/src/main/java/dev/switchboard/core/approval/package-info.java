/**
 * Confirmations and approvals: parking a command until its requester confirms it or enough eligible people approve
 * it, then resuming it exactly as asked.
 */
package dev.switchboard.core.approval;
