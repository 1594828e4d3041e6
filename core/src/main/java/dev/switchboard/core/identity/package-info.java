/**
 * Identity: configured users and the resolver that maps a platform account ({@code web:alice}) to the principal
 * behind it. Identity is based on platform user ids only, never on display names.
 */
package dev.switchboard.core.identity;
