package dev.switchboard.server.rest;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * One API request as the endpoints see it: path parameters and query parameters (each with all its values).
 * Reading a parameter that is malformed throws {@link ApiProblem} (400) naming it and what was expected. Immutable.
 */
record ApiRequest(Map<String, String> path, Map<String, List<String>> query) {
    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 500;

    ApiRequest {
        path = Map.copyOf(path);
        query = Map.copyOf(query);
    }

    String path(String name) {
        String value = path.get(name);
        if (value == null) {
            throw new IllegalStateException("route has no path parameter " + name);
        }
        return value;
    }

    /** Refuses query parameters other than {@code known}. */
    ApiRequest accepting(String... known) {
        Set<String> allowed = Set.of(known);
        for (String name : new TreeSet<>(query.keySet())) {
            if (!allowed.contains(name)) {
                throw ApiProblem.badRequest("unknown parameter '" + name + "'; expected "
                        + (known.length == 0 ? "none" : String.join(", ", new TreeSet<>(allowed))));
            }
        }
        return this;
    }

    /** The single value of {@code name}, if given. */
    Optional<String> single(String name) {
        List<String> values = query.getOrDefault(name, List.of());
        if (values.size() > 1) {
            throw ApiProblem.badRequest("parameter '" + name + "' is given " + values.size() + " times; expected once");
        }
        return values.stream().findFirst();
    }

    List<String> all(String name) {
        return query.getOrDefault(name, List.of());
    }

    /** One of {@code allowed} (the first is the default). */
    String choice(String name, String... allowed) {
        String value = single(name).orElse(allowed[0]);
        if (!List.of(allowed).contains(value)) {
            throw ApiProblem.badRequest("parameter '" + name + "' is '" + shown(value) + "'; expected one of "
                    + String.join(", ", allowed));
        }
        return value;
    }

    /** {@code limit}: 1 to {@value #MAX_LIMIT}, default {@value #DEFAULT_LIMIT}. */
    int limit() {
        return number("limit", 1, MAX_LIMIT).orElse(DEFAULT_LIMIT);
    }

    /** {@code cursor}: the {@code next} of the previous page, a whole number from 0; 0 when absent. */
    int cursor() {
        return number("cursor", 0, Integer.MAX_VALUE).orElse(0);
    }

    private Optional<Integer> number(String name, int min, int max) {
        Optional<String> text = single(name);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        String value = text.get();
        String expected = name.equals("cursor") ? "the next value of the previous page"
                : "a whole number from " + min + " to " + max;
        if (value.isEmpty() || value.length() > 10 || !value.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw ApiProblem.badRequest("parameter '" + name + "' is '" + shown(value) + "'; expected " + expected);
        }
        long n = Long.parseLong(value);
        if (n < min || n > max) {
            throw ApiProblem.badRequest("parameter '" + name + "' is " + n + "; expected " + expected);
        }
        return Optional.of((int) n);
    }

    /** A caller's value, clipped for an error message. */
    static String shown(String value) {
        String clipped = value.length() > 64 ? value.substring(0, 64) + "…" : value;
        return clipped.replaceAll("\\p{Cntrl}", "?");
    }
}
