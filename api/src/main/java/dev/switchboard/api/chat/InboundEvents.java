package dev.switchboard.api.chat;

import java.time.Instant;

/**
 * The platform events already handled, kept durably so a redelivered event never runs a command twice, also after a
 * restart and across replicas on one database. Thread-safe. Throws {@link dev.switchboard.api.StorageException}
 * when the store cannot be used; the caller decides what to do then (the dispatcher logs and relies on its
 * in-memory window).
 */
public interface InboundEvents {
    /**
     * Claims {@code eventId} on {@code platform}: true exactly once per pair, for the first caller on any replica;
     * false for every later call with the same pair (until it is forgotten).
     *
     * @param at when the event was received; {@link #forgetBefore} prunes by it
     */
    boolean firstTime(String platform, String eventId, Instant at);

    /** Forgets events received before {@code cutoff}; returns how many were forgotten. */
    int forgetBefore(Instant cutoff);
}
