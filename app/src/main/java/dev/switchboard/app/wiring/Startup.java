package dev.switchboard.app.wiring;

import java.util.List;

/** How starting Switchboard went: running, or refused with reasons a person can act on (no stack traces). */
public sealed interface Startup {
    record Running(SwitchboardServer server) implements Startup {}

    record Refused(List<String> reasons) implements Startup {
        public Refused {
            reasons = List.copyOf(reasons);
        }

        public static Refused because(String reason) {
            return new Refused(List.of(reason));
        }
    }
}
