package dev.switchboard.config;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Reads the main config file and, depth first, the files it includes ({@code include: [other.yaml, more/*.yaml]},
 * relative to the including file; a glob only in the last part), resolving secret references in each and merging
 * them into one top-level map. A file included twice is read once; an include cycle is an error.
 */
final class SourceFiles {
    private static final int MAX_FILE_BYTES = 4 * 1024 * 1024;

    /** The merged top-level map (empty if nothing could be read), the files read in order, and their hash. */
    record Sources(Optional<YamlNode.Mapping> root, List<Path> files, String sha256) {}

    private final Path mainDir;
    private final Diagnostics diagnostics;
    private final SecretReferences references;
    private final TreeMerger merger;
    private final List<Path> files = new ArrayList<>();
    private final Deque<Path> stack = new ArrayDeque<>();
    private final MessageDigest digest;

    SourceFiles(Path mainFile, Diagnostics diagnostics, SecretReferences references) {
        this.mainDir = mainFile.toAbsolutePath().normalize().getParent();
        this.diagnostics = diagnostics;
        this.references = references;
        this.merger = new TreeMerger(diagnostics);
        try {
            this.digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    Sources read(Path mainFile) {
        Path main = mainFile.toAbsolutePath().normalize();
        Optional<YamlNode.Mapping> root = file(main, Mark.wholeFile(display(main)), "");
        return new Sources(root, List.copyOf(files), HexFormat.of().formatHex(digest.digest()));
    }

    /** How a file is named in errors: relative to the main file's directory when it lies inside it. */
    Path display(Path absolute) {
        return mainDir != null && absolute.startsWith(mainDir) ? mainDir.relativize(absolute) : absolute;
    }

    private Optional<YamlNode.Mapping> file(Path file, Mark includedAt, String includeKey) {
        if (stack.contains(file)) {
            String cycle = stack.reversed().stream().map(p -> display(p).toString())
                    .collect(Collectors.joining(" -> "));
            diagnostics.error(includedAt, includeKey, "include cycle: " + cycle + " -> " + display(file));
            return Optional.empty();
        }
        if (files.contains(file)) {
            return Optional.empty();
        }
        Optional<String> text = text(file, includedAt, includeKey);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        Path shown = display(file);
        Optional<YamlNode> tree = new YamlTreeReader(shown, diagnostics).read(text.get());
        if (tree.isEmpty()) {
            return Optional.of(new YamlNode.Mapping(new Mark(shown, 1, 1), Map.of()));
        }
        if (!(references.resolve(tree.get(), "", file.getParent()) instanceof YamlNode.Mapping mapping)) {
            diagnostics.error(tree.get().mark(), "", "expected a map of sections (server, chat, users, commands, "
                    + "...) at the top level, got " + tree.get().describe());
            return Optional.empty();
        }
        stack.push(file);
        try {
            return Optional.of(withIncludes(mapping, file.getParent()));
        } finally {
            stack.pop();
        }
    }

    private YamlNode.Mapping withIncludes(YamlNode.Mapping mapping, Path dir) {
        YamlNode.Entry include = mapping.entries().get("include");
        if (include == null) {
            return mapping;
        }
        Map<String, YamlNode.Entry> own = new LinkedHashMap<>(mapping.entries());
        own.remove("include");
        YamlNode.Mapping merged = new YamlNode.Mapping(mapping.mark(), own);
        Cursor cursor = new Cursor(include.value(), "include", diagnostics);
        List<Cursor> entries = include.value() instanceof YamlNode.Sequence
                ? cursor.items("a list of file names").orElseThrow() : List.of(cursor);
        for (Cursor entry : entries) {
            Optional<String> pattern = entry.string();
            if (pattern.isEmpty()) {
                continue;
            }
            for (Path included : expand(dir, pattern.get(), entry)) {
                Optional<YamlNode.Mapping> child = file(included, entry.mark(), entry.path());
                if (child.isPresent()) {
                    merged = merger.merge(merged, child.get());
                }
            }
        }
        return merged;
    }

    private List<Path> expand(Path dir, String pattern, Cursor entry) {
        try {
            int slash = pattern.lastIndexOf('/');
            String folder = slash < 0 ? "" : pattern.substring(0, slash);
            String name = pattern.substring(slash + 1);
            if (!hasGlob(name)) {
                if (hasGlob(folder)) {
                    entry.error("glob characters are only allowed in the file name part of an include path");
                    return List.of();
                }
                return List.of(dir.resolve(pattern).normalize());
            }
            if (hasGlob(folder)) {
                entry.error("glob characters are only allowed in the file name part of an include path");
                return List.of();
            }
            Path base = dir.resolve(folder).normalize();
            if (!Files.isDirectory(base)) {
                return List.of();
            }
            List<Path> matches = new ArrayList<>();
            try (DirectoryStream<Path> found = Files.newDirectoryStream(base, name)) {
                found.forEach(p -> {
                    if (Files.isRegularFile(p)) {
                        matches.add(p.normalize());
                    }
                });
            }
            matches.sort(null);
            return matches;
        } catch (IOException | RuntimeException e) {
            entry.error("cannot expand include path '" + pattern + "' (" + e.getClass().getSimpleName() + ")");
            return List.of();
        }
    }

    private static boolean hasGlob(String text) {
        return text.chars().anyMatch(c -> c == '*' || c == '?' || c == '[' || c == '{');
    }

    private Optional<String> text(Path file, Mark includedAt, String includeKey) {
        try {
            if (Files.size(file) > MAX_FILE_BYTES) {
                diagnostics.error(includedAt, includeKey, display(file) + " is larger than 4 MiB");
                return Optional.empty();
            }
            byte[] bytes = Files.readAllBytes(file);
            files.add(file);
            digest.update(ByteBuffer.allocate(Long.BYTES).putLong(bytes.length).array());
            digest.update(bytes);
            return Optional.of(StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString());
        } catch (NoSuchFileException e) {
            diagnostics.error(includedAt, includeKey, includeKey.isEmpty() ? "file not found (looked for " + file + ")"
                    : "file not found: " + display(file));
        } catch (CharacterCodingException e) {
            diagnostics.error(Mark.wholeFile(display(file)), "", "not valid UTF-8 text");
        } catch (IOException e) {
            diagnostics.error(includedAt, includeKey, "cannot read " + display(file) + " ("
                    + e.getClass().getSimpleName() + ")");
        }
        return Optional.empty();
    }
}
