package dev.switchboard.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.dataformat.yaml.YAMLFactory;
import tools.jackson.dataformat.yaml.YAMLParser;

/**
 * Reads one YAML document into a {@link YamlNode} tree, streaming Jackson's YAML parser so every node keeps its
 * line and column. Syntax errors, duplicate keys, aliases and non-text keys become errors, never exceptions.
 */
final class YamlTreeReader {
    private static final YAMLFactory YAML = YAMLFactory.builder().build();
    // SnakeYAML's message names the problem's place last: "... \n in reader, line 2, column 4:\n    snippet\n   ^"
    private static final Pattern PLACE = Pattern.compile("^ in reader, line (\\d+), column (\\d+):$");

    private final Path file;
    private final Diagnostics diagnostics;
    private JsonParser parser;

    YamlTreeReader(Path displayFile, Diagnostics diagnostics) {
        this.file = displayFile;
        this.diagnostics = diagnostics;
    }

    /** The document's root, or empty for an empty document or a syntax error (which is reported). */
    Optional<YamlNode> read(String text) {
        try (JsonParser p = YAML.createParser(ObjectReadContext.empty(), text)) {
            parser = p;
            JsonToken first = p.nextToken();
            if (first == null) {
                return Optional.empty();
            }
            YamlNode root = value(first, "");
            if (p.nextToken() != null) {
                diagnostics.error(here(), "", "only one YAML document per file is supported; remove the '---'");
                return Optional.empty();
            }
            return Optional.of(root);
        } catch (JacksonException e) {
            syntaxError(e);
            return Optional.empty();
        }
    }

    private YamlNode value(JsonToken token, String path) {
        Mark at = here();
        return switch (token) {
            case START_OBJECT -> mapping(at, path);
            case START_ARRAY -> sequence(at, path);
            case VALUE_STRING -> alias(at, path) ? new YamlNode.Scalar(at, null, false)
                    : new YamlNode.Scalar(at, parser.getString(), false);
            case VALUE_NUMBER_INT -> new YamlNode.Scalar(at, parser.getNumberValue(), false);
            case VALUE_NUMBER_FLOAT -> new YamlNode.Scalar(at, floatValue(), false);
            case VALUE_TRUE -> new YamlNode.Scalar(at, Boolean.TRUE, false);
            case VALUE_FALSE -> new YamlNode.Scalar(at, Boolean.FALSE, false);
            case VALUE_NULL -> new YamlNode.Scalar(at, null, false);
            default -> {
                diagnostics.error(at, path, "unsupported YAML value (" + token + "); write plain text, numbers, lists "
                        + "or maps");
                yield new YamlNode.Scalar(at, null, false);
            }
        };
    }

    private YamlNode mapping(Mark at, String path) {
        Map<String, YamlNode.Entry> entries = new LinkedHashMap<>();
        for (JsonToken t = parser.nextToken(); t != JsonToken.END_OBJECT; t = parser.nextToken()) {
            Mark keyMark = here();
            String key = parser.currentName();
            String keyPath = path.isEmpty() ? key : path + "." + key;
            YamlNode value = value(parser.nextToken(), keyPath);
            YamlNode.Entry previous = entries.get(key);
            if (previous != null) {
                diagnostics.error(keyMark, keyPath, "duplicate key (first at " + previous.keyMark() + ")");
            } else {
                entries.put(key, new YamlNode.Entry(key, keyMark, value));
            }
        }
        return new YamlNode.Mapping(at, entries);
    }

    private YamlNode sequence(Mark at, String path) {
        List<YamlNode> items = new ArrayList<>();
        for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) {
            items.add(value(t, path + "[" + items.size() + "]"));
        }
        return new YamlNode.Sequence(at, items);
    }

    private boolean alias(Mark at, String path) {
        if (parser instanceof YAMLParser yaml && yaml.isCurrentAlias()) {
            diagnostics.error(at, path, "YAML aliases (*" + parser.getString() + ") are not supported; repeat the "
                    + "value or move it to an included file");
            return true;
        }
        return false;
    }

    private Object floatValue() {
        try {
            return parser.getDoubleValue();
        } catch (JacksonException | NumberFormatException e) {
            return parser.getString();
        }
    }

    private Mark here() {
        TokenStreamLocation l = parser.currentTokenLocation();
        return new Mark(file, Math.max(1, l.getLineNr()), Math.max(1, l.getColumnNr()));
    }

    private void syntaxError(JacksonException e) {
        String[] lines = String.valueOf(e.getOriginalMessage()).split("\n");
        int line = e.getLocation() == null ? 1 : Math.max(1, e.getLocation().getLineNr());
        int column = e.getLocation() == null ? 1 : Math.max(1, e.getLocation().getColumnNr());
        String problem = lines[0].strip();
        String context = "";
        for (int i = lines.length - 1; i > 0; i--) {
            Matcher m = PLACE.matcher(lines[i]);
            if (m.matches()) {
                line = Integer.parseInt(m.group(1));
                column = Integer.parseInt(m.group(2));
                problem = lines[i - 1].strip();
                Matcher start = PLACE.matcher(lines[1]);
                if (i > 2 && start.matches()) {
                    context = " (" + lines[0].strip() + " that starts at line " + start.group(1) + ", column "
                            + start.group(2) + ")";
                }
                break;
            }
        }
        diagnostics.error(new Mark(file, line, column), "", "YAML syntax error: " + problem + context);
    }
}
