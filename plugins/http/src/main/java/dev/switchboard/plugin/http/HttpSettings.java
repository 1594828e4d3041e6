package dev.switchboard.plugin.http;

import dev.switchboard.api.command.ArgTemplate;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import tools.jackson.core.JsonPointer;

/**
 * The validated settings of one {@code http} action.
 *
 * @param method GET, POST, PUT, PATCH or DELETE
 * @param url the URL with its fixed origin and templated path and query
 * @param headers header name to value template, in config order
 * @param body the JSON body template, or null for no body
 * @param timeout how long to wait for the whole answer
 * @param successCodes statuses that count as success; empty means any 2xx
 * @param extract name to JSON Pointer into the answer, in config order
 * @param reply the reply template over the arguments and extracted names, or null for "HTTP code" plus the values
 */
record HttpSettings(
        String method, UrlTemplate url, Map<String, ArgTemplate> headers, BodyTemplate body, Duration timeout,
        Set<Integer> successCodes, Map<String, JsonPointer> extract, ArgTemplate reply) {

    HttpSettings {
        headers = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(headers));
        successCodes = Set.copyOf(successCodes);
        extract = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(extract));
    }

    boolean success(int status) {
        return successCodes.isEmpty() ? status >= 200 && status < 300 : successCodes.contains(status);
    }

    /** A duration as people write it: {@code 10s}, {@code 2m}, {@code 500ms}. */
    static String show(Duration d) {
        long ms = d.toMillis();
        if (ms % 60_000 == 0 && ms >= 60_000) {
            return ms / 60_000 + "m";
        }
        return ms % 1000 == 0 ? ms / 1000 + "s" : ms + "ms";
    }
}
