package dev.switchboard.core.incident;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.api.chat.ConversationRef;
import dev.switchboard.api.incident.Incident;
import dev.switchboard.api.incident.NewIncident;
import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;

class IncidentRoomsTest {
    private static Incident titled(String title, long number) {
        return new NewIncident(title, Incident.Severity.SEV2, "alice", ConversationRef.of("web", "#ops"),
                Instant.EPOCH).as(number);
    }

    @Test
    void aRoomIsNamedAfterTheNumberAndTheTitleInLowerCaseWithDashes() {
        assertThat(IncidentRooms.name("inc-", titled("Checkout is DOWN (eu-1)!", 42)))
                .isEqualTo("inc-42-checkout-is-down-eu-1");
        assertThat(IncidentRooms.name("sev_", titled("  ✓✓  ", 7))).isEqualTo("sev_7");
    }

    @Test
    void everyRoomNameIsAValidChannelNameWhateverTheTitle() {
        Random random = new Random(42);
        String alphabet = "abcXYZ019 -_#@!ü✓|\n\t\"'";
        for (int i = 0; i < 500; i++) {
            StringBuilder title = new StringBuilder();
            int length = 1 + random.nextInt(150);
            for (int c = 0; c < length; c++) {
                title.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String name = IncidentRooms.name("inc-", titled(title.toString(), 1 + random.nextInt(100_000)));

            assertThat(name).as("title %s", title).matches("inc-[0-9]+(-[a-z0-9]+)*").hasSizeLessThanOrEqualTo(80);
        }
    }
}
