/**
 * The {@link dev.switchboard.testkit.contract.ChatAdapterContract}: one abstract JUnit suite every chat adapter
 * passes (web now; Slack, IRC, XMPP later), driven from the platform side through a
 * {@link dev.switchboard.testkit.contract.PlatformDriver} each adapter's test supplies.
 */
package dev.switchboard.testkit.contract;
