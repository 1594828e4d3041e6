/**
 * End-to-end tests of what issue #2 promises a user: a real Switchboard (config file, H2 database file, shell and
 * http plugins, HTTP server) driven through the web chat's login and WebSocket the way a browser would, with
 * {@link dev.switchboard.app.e2e.TestServer} for the server and {@link dev.switchboard.app.e2e.WebChatClient} for
 * the tab. Each test asserts what a person in the chat would see.
 */
package dev.switchboard.app.e2e;
