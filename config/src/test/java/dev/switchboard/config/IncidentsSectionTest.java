package dev.switchboard.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.api.chat.ConversationRef;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code incidents:}: the announcement channel, incident rooms, and each kind of mistake. */
class IncidentsSectionTest {
    @TempDir
    Path dir;

    private TempConfig files() {
        return new TempConfig(dir, Map.of());
    }

    @Test
    void noSectionMeansNoAnnouncementAndNoRooms() {
        TempConfig files = files();
        files.write("main.yaml", "server: { port: 0 }");

        assertThat(files.loaded("main.yaml").incidents()).isEqualTo(IncidentsConfig.DEFAULT);
    }

    @Test
    void announceAndRoomsAreReadAsWritten() {
        TempConfig files = files();
        files.write("main.yaml", "incidents:",
                "  announce: \"slack:#incidents\"",
                "  rooms: { platform: slack, prefix: sev- }");

        IncidentsConfig incidents = files.loaded("main.yaml").incidents();

        assertThat(incidents.announce()).isEqualTo(ConversationRef.of("slack", "#incidents"));
        assertThat(incidents.rooms()).isEqualTo(new IncidentsConfig.Rooms("slack", "sev-"));
    }

    @Test
    void aRoomPrefixDefaultsToInc() {
        TempConfig files = files();
        files.write("main.yaml", "incidents: { rooms: { platform: mattermost } }");

        assertThat(files.loaded("main.yaml").incidents()).isEqualTo(new IncidentsConfig(null,
                new IncidentsConfig.Rooms("mattermost", "inc-")));
    }

    @Test
    void eachMistakeIsReportedWhereItWasWritten() {
        TempConfig files = files();
        files.write("main.yaml", "incidents:",
                "  announce: incidents",
                "  rooms: { platform: slak, prefix: \"INC 42\" }",
                "  roms: {}");

        assertThat(files.errors("main.yaml")).containsExactlyInAnyOrder(
                "main.yaml:2:13: incidents.announce: expected platform:conversation, like web:#ops, got 'incidents'",
                "main.yaml:3:22: incidents.rooms.platform: unknown platform 'slak'; expected one of web, slack,"
                        + " mattermost, irc, xmpp, discord, teams, matrix (did you mean 'slack'?)",
                "main.yaml:3:36: incidents.rooms.prefix: expected up to 20 lower-case letters, digits, - or _"
                        + " (channel names allow no more), like inc-, got 'INC 42'",
                "main.yaml:4:3: incidents.roms: unknown key; expected one of announce, rooms (did you mean 'rooms'?)");
    }

    @Test
    void roomsWithoutAPlatformSayWhatIsMissing() {
        TempConfig files = files();
        files.write("main.yaml", "incidents: { rooms: { prefix: inc- } }");

        assertThat(files.errors("main.yaml")).singleElement().asString()
                .contains("incidents.rooms.platform", "missing; expected the chat platform to create rooms on, like slack");
    }
}
