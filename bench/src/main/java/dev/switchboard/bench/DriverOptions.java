package dev.switchboard.bench;

import java.util.HashMap;
import java.util.Map;

/**
 * {@code --name value} options of the drivers' command lines, each with a default; an unknown option or a missing
 * value is refused with a message naming the options that exist.
 */
final class DriverOptions {
    private final Map<String, String> values;

    private DriverOptions(Map<String, String> values) {
        this.values = values;
    }

    /** @param defaults every accepted option with its default value */
    static DriverOptions parse(String[] args, Map<String, String> defaults) {
        Map<String, String> values = new HashMap<>(defaults);
        for (int i = 0; i < args.length; i += 2) {
            String name = args[i].startsWith("--") ? args[i].substring(2) : null;
            if (name == null || !defaults.containsKey(name) || i + 1 >= args.length) {
                throw new IllegalArgumentException("unexpected '" + args[i] + "'; options (with defaults): "
                        + defaults);
            }
            values.put(name, args[i + 1]);
        }
        return new DriverOptions(values);
    }

    String text(String name) {
        return values.get(name);
    }

    int number(String name) {
        try {
            return Integer.parseInt(values.get(name));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " expects a whole number, got '" + values.get(name) + "'");
        }
    }
}
