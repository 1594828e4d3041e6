/**
 * Plumbing shared by the JDBC stores and used only inside this module: running work in a transaction and turning
 * {@link java.sql.SQLException}s into secret-free {@link dev.switchboard.api.StorageException}s, the exact
 * time encoding, and the tiny JSON codec for string maps.
 */
package dev.switchboard.store.internal;
