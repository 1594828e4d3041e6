/**
 * The {@code http} action: calls an HTTP endpoint whose scheme and host are fixed in config, with argument values
 * percent-encoded into the path and query, templated headers, and a JSON body encoded by Jackson (so values are
 * always escaped). Values can be extracted from a JSON answer by JSON Pointer into the reply. Failures are
 * user-safe: they name the method, path and host, never query strings, header values or bodies.
 * {@link dev.switchboard.plugin.http.HttpActionFactory} validates the settings at load;
 * {@link dev.switchboard.plugin.http.HttpPlugin} registers it.
 */
package dev.switchboard.plugin.http;
