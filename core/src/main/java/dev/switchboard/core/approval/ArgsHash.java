package dev.switchboard.core.approval;

import dev.switchboard.api.command.Invocation;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * The short hash that freezes a request: SHA-256 over the command id and every argument value (secrets included,
 * so a changed secret changes the hash, yet the hash reveals nothing), first 8 hex digits. Shown to people as
 * {@code #3fa2c1d0} next to the arguments, and compared again before a parked request runs.
 */
public final class ArgsHash {
    private ArgsHash() {}

    public static String of(Invocation invocation) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(invocation.commandId().getBytes(StandardCharsets.UTF_8));
            for (Map.Entry<String, String> arg : new TreeMap<>(invocation.args()).entrySet()) {
                sha.update((byte) 0);
                sha.update(arg.getKey().getBytes(StandardCharsets.UTF_8));
                sha.update((byte) '=');
                sha.update(String.valueOf(arg.getValue()).getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(sha.digest()).substring(0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
