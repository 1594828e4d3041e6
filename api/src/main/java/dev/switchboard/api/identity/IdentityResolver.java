package dev.switchboard.api.identity;

import dev.switchboard.api.chat.PlatformUser;

/**
 * Maps a platform account to a {@link Principal}. Called once per message on the message's thread; must be fast
 * (cache anything remote). Never returns null: unknown accounts resolve to {@link Principal#guest}. An exception
 * here denies the message (the identity stage fails closed).
 */
@FunctionalInterface
public interface IdentityResolver {
    Principal resolve(PlatformUser user);
}
