/**
 * Durable jobs: every command runs as a {@link dev.switchboard.api.job.JobRecord} with an id, a state, stored
 * output and optionally a named lock. The {@link dev.switchboard.api.job.JobStore} and
 * {@link dev.switchboard.api.job.LockStore} ports are implemented by the store module.
 */
package dev.switchboard.api.job;
