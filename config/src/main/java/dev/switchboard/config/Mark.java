package dev.switchboard.config;

import java.nio.file.Path;

/**
 * A place in a config file: the file as shown to people (relative to the main file's directory when inside it)
 * and a 1-based line and column; line 0 means the file as a whole.
 */
record Mark(Path file, int line, int column) {

    static Mark wholeFile(Path file) {
        return new Mark(file, 0, 0);
    }

    @Override
    public String toString() {
        return line > 0 ? file + ":" + line + ":" + column : file.toString();
    }
}
