/**
 * The built-in web chat: {@link dev.switchboard.chat.web.WebChatAdapter} is a {@code ChatAdapter} whose users are
 * browser sessions talking JSON frames over a WebSocket. The adapter knows no HTTP library: the server module
 * authenticates the browser and hands each socket over as a {@link dev.switchboard.chat.web.WebChatSession}; the
 * static page the browser loads lives in {@code switchboard/web} on the classpath.
 */
package dev.switchboard.chat.web;
