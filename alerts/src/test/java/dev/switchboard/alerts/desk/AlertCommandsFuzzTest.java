package dev.switchboard.alerts.desk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.api.alert.AlertDesk;
import dev.switchboard.api.reply.Reply;
import java.util.List;
import java.util.Random;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;

/** Seeded random text fed to every desk method: none throws, and every answer is a non-empty reply. */
class AlertCommandsFuzzTest {
    private static final List<String> PIECES = List.of("group", "alert", "for", "2h", "0m", "99999d", "1h30m", "=",
            "!=", "=~", "!~", "{", "}", "\"", "\\", "alertname", "cluster", "eu-.*", "(", "[", "mine", "page", "0",
            "-1", "firing", "resolved", "all", "s-abc", "pagerduty", ",", " ", "  ", "\t", "ü", "🙂", "\u0000",
            "k3x9pa", "for for", "x=", "=y", "a=\"b c\"", "../", "%", "1d", "7d", "8d");

    @Test
    void noTextMakesAnyAlertCommandThrowOrAnswerNothing() {
        DeskFixture f = new DeskFixture();
        String group = f.receive(f.firing("KubePodCrashLooping", "cluster", "eu-1", "pod", "p1"));
        String fingerprint = f.store.firing().getFirst().fingerprint();
        List<String> known = List.of(group, fingerprint, "sil-1");
        AlertDesk desk = f.desk;
        List<BiFunction<String, AlertDesk.Asker, Reply>> commands = List.of(desk::alerts, desk::ack, desk::silence,
                desk::unsilence, desk::escalate);
        Random random = new Random(20261126);
        for (int round = 0; round < 3_000; round++) {
            StringBuilder text = new StringBuilder();
            int words = random.nextInt(7);
            for (int w = 0; w < words; w++) {
                text.append(random.nextInt(4) == 0 ? known.get(random.nextInt(known.size()))
                        : PIECES.get(random.nextInt(PIECES.size()))).append(random.nextBoolean() ? " " : "");
            }
            String input = text.toString();
            for (BiFunction<String, AlertDesk.Asker, Reply> command : commands) {
                Reply reply = command.apply(input, f.as("alice"));
                assertThat(reply.plainText()).as("reply to %s", input).isNotBlank();
            }
            assertThat(desk.find(input)).isNotNull();
        }
    }
}
