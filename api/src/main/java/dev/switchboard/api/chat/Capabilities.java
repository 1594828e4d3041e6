package dev.switchboard.api.chat;

/**
 * What a platform can show, so replies can degrade gracefully: without buttons they become numbered commands to
 * type, without edits progress is posted to the thread, over-long messages are split or attached.
 *
 * @param threads replies can go into a thread
 * @param edits a posted message can be edited
 * @param buttons messages can carry clickable buttons
 * @param files long output can be attached as a file
 * @param maxMessageLength the longest message the platform accepts, in characters
 * @param verifiedIdentities whether the platform authenticates its users' ids (DESIGN.md section 6)
 */
public record Capabilities(
        boolean threads, boolean edits, boolean buttons, boolean files, int maxMessageLength,
        boolean verifiedIdentities) {

    /** A plain-text line-oriented platform: no threads, edits, buttons or files. */
    public static Capabilities plainText(int maxMessageLength, boolean verifiedIdentities) {
        return new Capabilities(false, false, false, false, maxMessageLength, verifiedIdentities);
    }
}
