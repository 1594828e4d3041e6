/**
 * The durable {@link dev.switchboard.api.approval.PendingStore}: confirmations and approvals kept in the database,
 * so a restart in the middle of an approval loses nothing, and compare-and-set updates so two replicas (or two
 * clicks) can never both grant, nor count one approver twice.
 */
package dev.switchboard.store.approval;
