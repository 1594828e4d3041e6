/**
 * Who is asking: a platform account ({@code web:alice}) resolved to an internal
 * {@link dev.switchboard.api.identity.Principal} with groups. Identity comes from platform user ids, never from
 * display names.
 */
package dev.switchboard.api.identity;
