/** The bundle of durable stores a backend provides, so the engine can be wired to H2, PostgreSQL or memory alike. */
package dev.switchboard.api.store;
