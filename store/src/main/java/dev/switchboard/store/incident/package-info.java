/**
 * The incident store on JDBC: incidents with optimistic revisions in {@code incidents}, and their ordered
 * timelines in {@code incident_timeline} (migration V5).
 */
package dev.switchboard.store.incident;
