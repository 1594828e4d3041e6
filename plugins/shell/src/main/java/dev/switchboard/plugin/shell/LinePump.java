package dev.switchboard.plugin.shell;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;

/**
 * Reads one stream of a process to its end, line by line (LF or CRLF), into an {@link OutputSink}. A line longer
 * than {@link #MAX_LINE_CHARS} is cut and marked, so one endless line cannot exhaust memory. Bytes that are not
 * UTF-8 become U+FFFD. Runs on its own thread; ends when the stream ends or fails.
 */
final class LinePump implements Runnable {
    static final int MAX_LINE_CHARS = 16_384;

    private final InputStream stream;
    private final OutputSink sink;

    LinePump(InputStream stream, OutputSink sink) {
        this.stream = stream;
        this.sink = sink;
    }

    @Override
    public void run() {
        try (Reader reader = new InputStreamReader(stream, StandardCharsets.UTF_8)) {
            char[] buffer = new char[8192];
            StringBuilder line = new StringBuilder();
            boolean cut = false;
            int n;
            while ((n = reader.read(buffer)) > 0) {
                for (int i = 0; i < n; i++) {
                    char c = buffer[i];
                    if (c == '\n') {
                        emit(line, cut);
                        cut = false;
                    } else if (line.length() < MAX_LINE_CHARS) {
                        line.append(c);
                    } else {
                        cut = true;
                    }
                }
            }
            if (!line.isEmpty() || cut) {
                emit(line, cut);
            }
        } catch (IOException e) {
            // The stream was closed under us (process killed, pipe torn down): nothing more to read.
        }
    }

    private void emit(StringBuilder line, boolean cut) {
        int end = line.length();
        if (end > 0 && line.charAt(end - 1) == '\r') {
            end--;
        }
        sink.line(line.substring(0, end) + (cut ? " [line cut]" : ""));
        line.setLength(0);
    }
}
