package dev.switchboard.app.wiring;

import dev.switchboard.config.SwitchboardConfig;
import java.util.ArrayList;
import java.util.List;

/**
 * Settings this version reads but cannot act on yet: chat platforms other than the web chat. Running anyway would
 * leave people typing into a platform nobody listens on, so Switchboard refuses to start instead and says what to
 * remove. (Every policy rule kind and command confirmations are enforced.)
 */
public final class UnenforcedSettings {
    private UnenforcedSettings() {}

    /** One line per setting that would be ignored, each naming where it is; empty when everything is enforced. */
    public static List<String> problems(SwitchboardConfig config) {
        List<String> problems = new ArrayList<>();
        for (String platform : config.chat().others().keySet()) {
            problems.add("chat." + platform + ": the " + platform + " adapter is not part of this version; only the "
                    + "web chat is; remove this section");
        }
        return problems;
    }
}
