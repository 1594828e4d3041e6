/**
 * Contract suites every implementation of a port passes: the
 * {@link dev.switchboard.testkit.contract.ChatAdapterContract} for chat adapters (web now; Slack, IRC, XMPP later),
 * driven from the platform side through a {@link dev.switchboard.testkit.contract.PlatformDriver} each adapter's test
 * supplies, the {@link dev.switchboard.testkit.contract.PendingStoreContract} for confirmation and approval
 * stores and the {@link dev.switchboard.testkit.contract.AlertStoreContract} for alert stores (in memory, H2 and
 * PostgreSQL), with the {@link dev.switchboard.testkit.contract.AlertAcksContract} for the acks of alerts and the
 * {@link dev.switchboard.testkit.contract.AlertPagesContract} for the pages sent with {@code escalate}.
 */
package dev.switchboard.testkit.contract;
