package dev.switchboard.store;

import dev.switchboard.api.StorageException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Pattern;

/** A JDBC URL Switchboard can use, with the vendor it names and secret-free forms for messages. */
record DatabaseUrl(Vendor vendor, String url) {
    /** The databases the migrations are written for. */
    enum Vendor { H2, POSTGRESQL }

    private static final Pattern PASSWORD_PARAM =
            Pattern.compile("(?i)((?:ssl)?password|pwd)=[^&;]*");
    private static final Pattern USER_INFO = Pattern.compile("//[^/@?;]*@");

    static DatabaseUrl parse(String url) {
        String lower = url.toLowerCase(Locale.ROOT);
        if (lower.startsWith("jdbc:h2:")) {
            return new DatabaseUrl(Vendor.H2, url);
        }
        if (lower.startsWith("jdbc:postgresql:")) {
            return new DatabaseUrl(Vendor.POSTGRESQL, url);
        }
        throw new IllegalArgumentException("unsupported storage url '" + redact(url)
                + "': expected jdbc:h2:file:./data/switchboard or jdbc:postgresql://host:5432/database");
    }

    /** The URL with any password in it replaced by {@code ***}, safe for logs and messages. */
    static String redact(String url) {
        String withoutParams = PASSWORD_PARAM.matcher(url).replaceAll("$1=***");
        return USER_INFO.matcher(withoutParams).replaceAll("//***@");
    }

    String redacted() {
        return redact(url);
    }

    /**
     * The URL the pool connects with. For an H2 file database the parent folder is created and a lock timeout long
     * enough for queued audit writers is added unless the URL sets one.
     */
    String forConnecting() {
        if (vendor != Vendor.H2) {
            return url;
        }
        createH2Folder();
        return url.toUpperCase(Locale.ROOT).contains(";LOCK_TIMEOUT=") ? url : url + ";LOCK_TIMEOUT=10000";
    }

    /** A short description for logs and status: "H2 file ./data/switchboard", "PostgreSQL db:5432/switchboard". */
    String describe() {
        return switch (vendor) {
            case H2 -> "H2 " + h2Location().replaceFirst("^(file|mem):", "$1 ");
            case POSTGRESQL -> "PostgreSQL " + url.substring("jdbc:postgresql:".length())
                    .replaceFirst("^//", "").replaceFirst("[?].*$", "").replaceFirst("^[^/@]*@", "");
        };
    }

    private String h2Location() {
        String rest = url.substring("jdbc:h2:".length());
        int semicolon = rest.indexOf(';');
        return semicolon < 0 ? rest : rest.substring(0, semicolon);
    }

    private void createH2Folder() {
        String location = h2Location();
        if (location.startsWith("mem:") || location.startsWith("tcp:") || location.startsWith("ssl:")) {
            return;
        }
        String file = location.startsWith("file:") ? location.substring("file:".length()) : location;
        if (file.startsWith("~")) {
            file = System.getProperty("user.home") + file.substring(1);
        }
        Path parent = Path.of(file).toAbsolutePath().getParent();
        try {
            if (parent != null) {
                Files.createDirectories(parent);
            }
        } catch (IOException e) {
            throw new StorageException("cannot create the database folder " + parent + " for " + redacted(), e);
        }
    }
}
