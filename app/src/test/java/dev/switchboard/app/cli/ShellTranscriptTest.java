package dev.switchboard.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class ShellTranscriptTest {
    private final ShellTranscript transcript = new ShellTranscript(JsonMapper.builder().build(), "#ops");

    @Test
    void aOneLineMessageShowsItsSender() {
        assertThat(transcript.lines("""
                {"type":"message","room":"#ops","id":"m-1","from":"alice",
                 "reply":{"blocks":[{"type":"text","text":"deploy web to staging"}]},"at":"2026-01-01T10:00:00Z"}
                """)).containsExactly("alice: deploy web to staging");
    }

    @Test
    void fieldsTablesAndButtonsRenderLikePlainText() {
        assertThat(transcript.lines("""
                {"type":"message","room":"#ops","id":"m-2","from":"switchboard","reply":{"blocks":[
                  {"type":"text","text":"job 12 is running"},
                  {"type":"fields","fields":[{"label":"status","value":"running"}]},
                  {"type":"table","headers":["env","version"],"rows":[["prod","1.4.2"],["staging","1.5.0-rc1"]]},
                  {"type":"code","text":"$ ./deploy.sh web staging"},
                  {"type":"buttons","buttons":[{"label":"Cancel","command":"cancel 12","style":"danger"}]}]}}
                """)).containsExactly(
                "switchboard:",
                "  job 12 is running",
                "  status: running",
                "  env      version",
                "  prod     1.4.2",
                "  staging  1.5.0-rc1",
                "  $ ./deploy.sh web staging",
                "  [1] Cancel: type \"cancel 12\"");
    }

    @Test
    void aFileShowsItsNameAndThenItsText() {
        assertThat(transcript.lines("""
                {"type":"message","room":"#ops","id":"m-4","from":"switchboard","reply":{"blocks":[
                  {"type":"text","text":"Postmortem for INC-3"},
                  {"type":"file","name":"INC-3-postmortem.md","mediaType":"text/markdown",
                   "text":"# INC-3 checkout is down\\n- 10:02 declared"}]}}
                """)).containsExactly(
                "switchboard:",
                "  Postmortem for INC-3",
                "  INC-3-postmortem.md:",
                "  # INC-3 checkout is down",
                "  - 10:02 declared");
    }

    @Test
    void anEditShowsOnlyTheNewContentOfThatMessage() {
        transcript.lines("""
                {"type":"message","room":"#ops","id":"m-3","from":"switchboard",
                 "reply":{"blocks":[{"type":"text","text":"job 12: 10%"}]}}""");

        assertThat(transcript.lines("""
                {"type":"edit","room":"#ops","id":"m-3","reply":{"blocks":[{"type":"text","text":"job 12: 50%"}]}}
                """)).containsExactly("(edited) switchboard: job 12: 50%");
        assertThat(transcript.lines("""
                {"type":"edit","room":"#ops","id":"m-3","reply":{"blocks":[]}}""")).containsExactly(
                "(removed) a message from switchboard");
    }

    @Test
    void messagesOfAnotherRoomSayWhichRoom() {
        assertThat(transcript.lines("""
                {"type":"message","room":"dm:alice","id":"m-4","from":"switchboard",
                 "reply":{"blocks":[{"type":"text","text":"approved"}]}}""")).containsExactly(
                "[dm:alice] switchboard: approved");
    }

    @Test
    void errorFramesAreMarkedAndCountAsAnswers() {
        long before = transcript.answers();

        assertThat(transcript.lines("{\"type\":\"error\",\"message\":\"expected a room like #ops\"}"))
                .containsExactly("! expected a room like #ops");
        assertThat(transcript.answers()).isEqualTo(before + 1);
    }

    @Test
    void historyIsShownForTheCurrentRoomOnly() {
        String history = """
                {"type":"history","room":"%s","messages":[
                  {"id":"m-5","from":"bob","reply":{"blocks":[{"type":"text","text":"hello"}]},"at":"2026-01-01T10:00:00Z"}]}
                """;

        assertThat(transcript.lines(history.formatted("#general"))).isEmpty();
        assertThat(transcript.lines(history.formatted("#ops"))).containsExactly("-- #ops (recent messages) --",
                "bob: hello");
    }

    @Test
    void garbageFromTheServerIsReportedNotThrown() {
        assertThat(transcript.lines("not json")).containsExactly("! the server sent a frame that is not JSON; ignored");
        assertThat(transcript.lines("{\"type\":\"welcome\",\"user\":\"alice\"}")).isEmpty();
    }
}
