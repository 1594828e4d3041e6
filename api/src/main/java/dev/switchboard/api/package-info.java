/**
 * The contract between Switchboard's engine and everything that plugs into it: chat adapters, actions, stores and
 * plugins. This module depends on the JDK only, so an adapter or plugin author compiles against a small, stable
 * surface. Types here are records and sealed interfaces; behaviour lives in {@code switchboard-core}.
 */
package dev.switchboard.api;
