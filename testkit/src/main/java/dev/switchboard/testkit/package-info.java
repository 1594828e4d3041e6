/**
 * Testing Switchboard as users see it: {@link dev.switchboard.testkit.ChatTestHarness} runs chat transcripts through
 * the real pipeline over in-memory parts, with a fake adapter that records posts and edits, a settable clock and
 * predictable ids.
 */
package dev.switchboard.testkit;
