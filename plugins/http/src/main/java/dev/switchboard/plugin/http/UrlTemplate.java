package dev.switchboard.plugin.http;

import dev.switchboard.api.action.ActionSettings;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A URL whose scheme, host and port are fixed and whose path and query may contain {@code {argument}} placeholders.
 * Values are percent-encoded as one path segment or one query component: everything but unreserved characters is
 * encoded, so {@code /}, {@code ?}, {@code #}, {@code &} and {@code =} in a value cannot change the request's
 * structure, and a value that would form a {@code .} or {@code ..} segment is refused. Immutable.
 */
final class UrlTemplate {
    private final URI origin;
    private final List<Part> parts;

    private sealed interface Part {}

    private record Literal(String text) implements Part {}

    private record Arg(String name) implements Part {}

    /** What filling in the arguments gave: the URI to call, or why the values cannot form a safe URL. */
    sealed interface Filled {
        record Ok(URI uri) implements Filled {}

        record Refused(String reason) implements Filled {}
    }

    private UrlTemplate(URI origin, List<Part> parts) {
        this.origin = origin;
        this.parts = List.copyOf(parts);
    }

    /**
     * Parses {@code source} (already checked with {@code ArgTemplate}); problems go to {@code in} under {@code url}
     * and null is returned. Messages never repeat the URL: its query may hold a token.
     */
    static UrlTemplate parse(String source, ActionSettings in) {
        int schemeEnd = source.indexOf("://");
        if (schemeEnd <= 0) {
            in.problem("url", "expected an absolute URL starting with http:// or https://");
            return null;
        }
        int pathStart = schemeEnd + 3;
        while (pathStart < source.length() && "/?#".indexOf(source.charAt(pathStart)) < 0) {
            pathStart++;
        }
        String prefix = source.substring(0, pathStart);
        if (prefix.indexOf('{') >= 0 || prefix.indexOf('}') >= 0) {
            in.problem("url", "the scheme, host and port are fixed by the server; {arguments} may appear only in the "
                    + "path and the query");
            return null;
        }
        URI origin = origin(prefix, in);
        if (origin == null) {
            return null;
        }
        List<Part> parts = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        for (int i = pathStart; i < source.length(); ) {
            char c = source.charAt(i);
            if (source.startsWith("{{}", i) || source.startsWith("{}}", i)) {
                literal.append(source.charAt(i + 1) == '{' ? "%7B" : "%7D");
                i += 3;
            } else if (c == '{') {
                int end = source.indexOf('}', i);
                parts.add(new Literal(literal.toString()));
                parts.add(new Arg(source.substring(i + 1, end).strip()));
                literal.setLength(0);
                i = end + 1;
            } else {
                if (c == '#') {
                    in.problem("url", "a #fragment is never sent to the server; remove it");
                    return null;
                }
                literal.append(c);
                i++;
            }
        }
        parts.add(new Literal(literal.toString()));
        UrlTemplate template = new UrlTemplate(origin, parts);
        if (!(template.fill(Map.of(), "x") instanceof Filled.Ok)) {
            in.problem("url", "the path has invalid characters or a . or .. segment; write the path plainly, "
                    + "percent-encoding anything unusual");
            return null;
        }
        return template;
    }

    private static URI origin(String prefix, ActionSettings in) {
        try {
            URI uri = new URI(prefix);
            if (!"http".equalsIgnoreCase(uri.getScheme()) && !"https".equalsIgnoreCase(uri.getScheme())) {
                in.problem("url", "expected an http:// or https:// URL");
            } else if (uri.getRawUserInfo() != null) {
                in.problem("url", "must not contain user:password@; put credentials in a header such as "
                        + "Authorization, from ${env:NAME}");
            } else if (uri.getHost() == null) {
                in.problem("url", "expected a host name after ://");
            } else {
                return uri;
            }
        } catch (URISyntaxException e) {
            in.problem("url", "the scheme, host or port is not valid: " + e.getReason());
        }
        return null;
    }

    /** Fills the placeholders, percent-encoding each value for where it stands. */
    Filled fill(Map<String, String> args) {
        return fill(args, null);
    }

    private Filled fill(Map<String, String> args, String sample) {
        StringBuilder rest = new StringBuilder();
        for (Part part : parts) {
            switch (part) {
                case Literal l -> rest.append(l.text());
                case Arg a -> rest.append(encode(sample != null ? sample : args.getOrDefault(a.name(), "")));
            }
        }
        String pathAndQuery = rest.toString();
        // Values have no raw '?': the first one is the template's own.
        int query = pathAndQuery.indexOf('?');
        String path = query < 0 ? pathAndQuery : pathAndQuery.substring(0, query);
        for (String segment : path.split("/", -1)) {
            if (segment.equals(".") || segment.equals("..")) {
                return new Filled.Refused("the arguments would put a . or .. segment into the URL path");
            }
        }
        try {
            return new Filled.Ok(new URI(origin.toString() + pathAndQuery));
        } catch (URISyntaxException e) {
            return new Filled.Refused("the URL is not valid once the arguments are filled in");
        }
    }

    /** The path with the given (redacted) values in plain text, for messages: never the query. */
    String shownPath(Map<String, String> redactedArgs) {
        StringBuilder shown = new StringBuilder();
        for (Part part : parts) {
            String text = switch (part) {
                case Literal l -> l.text();
                case Arg a -> redactedArgs.getOrDefault(a.name(), "");
            };
            int query = part instanceof Literal ? text.indexOf('?') : -1;
            if (query >= 0) {
                shown.append(text, 0, query);
                break;
            }
            shown.append(text);
        }
        return shown.isEmpty() ? "/" : shown.toString();
    }

    /** {@code host:port}, with the scheme's default port when none is given. */
    String hostAndPort() {
        int port = origin.getPort() >= 0 ? origin.getPort() : "https".equalsIgnoreCase(origin.getScheme()) ? 443 : 80;
        return origin.getHost() + ":" + port;
    }

    static String encode(String value) {
        StringBuilder out = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-._~".indexOf(c) >= 0) {
                out.append(c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return out.toString();
    }
}
