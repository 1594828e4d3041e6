package dev.switchboard.plugin.shell;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;

/** The fixture scripts under src/test/resources/scripts, made executable (resource copying drops the x bit). */
final class Scripts {
    private Scripts() {}

    static Path dir() {
        try {
            Path dir = Path.of(Scripts.class.getResource("/scripts").toURI());
            try (Stream<Path> files = Files.list(dir)) {
                for (Path file : files.toList()) {
                    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
                }
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static String path(String name) {
        return dir().resolve(name).toString();
    }
}
