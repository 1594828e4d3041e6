package dev.switchboard.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Resolves {@code ${env:NAME}} and {@code ${file:/path}} inside string values ({@code $${} is a literal
 * {@code ${}). Every resolved value is added to the secret set so the engine can redact it anywhere; a resolved
 * value never appears in an error message. A relative {@code file:} path is relative to the file it is written in.
 */
final class SecretReferences {
    private static final int MAX_SECRET_FILE_BYTES = 64 * 1024;
    private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_.]*");

    private final Function<String, String> env;
    private final Diagnostics diagnostics;
    private final Set<String> secrets;

    SecretReferences(Function<String, String> env, Diagnostics diagnostics, Set<String> secrets) {
        this.env = env;
        this.diagnostics = diagnostics;
        this.secrets = secrets;
    }

    /** The tree with every reference resolved; unresolvable references are reported and left as they were. */
    YamlNode resolve(YamlNode node, String path, Path baseDir) {
        return switch (node) {
            case YamlNode.Mapping m -> {
                Map<String, YamlNode.Entry> entries = new LinkedHashMap<>();
                m.entries().forEach((key, e) -> entries.put(key, new YamlNode.Entry(key, e.keyMark(),
                        resolve(e.value(), path.isEmpty() ? key : path + "." + key, baseDir))));
                yield new YamlNode.Mapping(m.mark(), entries);
            }
            case YamlNode.Sequence s -> {
                List<YamlNode> items = new ArrayList<>();
                for (int i = 0; i < s.items().size(); i++) {
                    items.add(resolve(s.items().get(i), path + "[" + i + "]", baseDir));
                }
                yield new YamlNode.Sequence(s.mark(), items);
            }
            case YamlNode.Scalar s when s.value() instanceof String text && text.contains("${") ->
                    scalar(s, text, path, baseDir);
            case YamlNode.Scalar s -> s;
        };
    }

    private YamlNode scalar(YamlNode.Scalar s, String text, String path, Path baseDir) {
        StringBuilder out = new StringBuilder();
        boolean secret = false;
        int i = 0;
        while (i < text.length()) {
            if (text.startsWith("$${", i)) {
                out.append("${");
                i += 3;
            } else if (text.startsWith("${", i)) {
                int end = text.indexOf('}', i);
                if (end < 0) {
                    return fail(s, path, "unterminated '${'; write ${env:NAME} or ${file:/path}, or $${ for a "
                            + "literal ${");
                }
                String resolved = lookUp(text.substring(i + 2, end), s, path, baseDir);
                if (resolved == null) {
                    return s;
                }
                if (!resolved.isEmpty()) {
                    secrets.add(resolved);
                }
                out.append(resolved);
                secret = true;
                i = end + 1;
            } else {
                out.append(text.charAt(i++));
            }
        }
        return new YamlNode.Scalar(s.mark(), out.toString(), secret || s.secret());
    }

    /** The referenced value, or null after reporting why it cannot be had. */
    private String lookUp(String reference, YamlNode.Scalar s, String path, Path baseDir) {
        if (reference.startsWith("env:")) {
            String name = reference.substring(4);
            if (!ENV_NAME.matcher(name).matches()) {
                fail(s, path, "'${env:" + name + "}' is not a valid environment variable name");
                return null;
            }
            String value = env.apply(name);
            if (value == null) {
                fail(s, path, "environment variable " + name + " is not set");
            }
            return value;
        }
        if (reference.startsWith("file:") && reference.length() > 5) {
            return readFile(baseDir, reference.substring(5), s, path);
        }
        String kind = reference.contains(":") ? reference.substring(0, reference.indexOf(':')) : reference;
        fail(s, path, "unknown reference '${" + kind + (reference.contains(":") ? ":...}" : "}")
                + "'; expected ${env:NAME} or ${file:/path} (write $${ for a literal ${)");
        return null;
    }

    private String readFile(Path baseDir, String name, YamlNode.Scalar s, String path) {
        try {
            Path file = baseDir.resolve(name).normalize();
            if (Files.size(file) > MAX_SECRET_FILE_BYTES) {
                fail(s, path, "secret file " + name + " is larger than 64 KiB");
                return null;
            }
            String content = Files.readString(file, StandardCharsets.UTF_8);
            // secret files conventionally end with one newline that is not part of the secret
            return content.endsWith("\r\n") ? content.substring(0, content.length() - 2)
                    : content.endsWith("\n") ? content.substring(0, content.length() - 1) : content;
        } catch (NoSuchFileException e) {
            fail(s, path, "secret file " + name + " does not exist");
        } catch (IOException | RuntimeException e) {
            fail(s, path, "secret file " + name + " cannot be read (" + e.getClass().getSimpleName() + ")");
        }
        return null;
    }

    private YamlNode fail(YamlNode.Scalar s, String path, String message) {
        diagnostics.error(s.mark(), path, message);
        return s;
    }
}
