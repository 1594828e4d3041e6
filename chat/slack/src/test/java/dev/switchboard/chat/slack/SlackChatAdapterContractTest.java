package dev.switchboard.chat.slack;

import dev.switchboard.api.chat.ChatAdapter;
import dev.switchboard.testkit.contract.ChatAdapterContract;
import dev.switchboard.testkit.contract.PlatformDriver;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;

/**
 * The adapter contract over Socket Mode against {@link FakeSlack}. People in channels address the bot with a
 * mention (so each channel message arrives as both {@code app_mention} and {@code message}, as on Slack); direct
 * messages go to {@code D…} conversations. The dropped connection is the fake closing the WebSocket.
 */
class SlackChatAdapterContractTest extends ChatAdapterContract {
    private FakeSlack slack;

    @Override
    protected ChatAdapter newAdapter() {
        try {
            slack = new FakeSlack();
        } catch (Exception e) {
            throw new IllegalStateException("the fake Slack did not start", e);
        }
        return new SlackChatAdapter(SlackSettings.socketMode(FakeSlack.BOT_TOKEN, FakeSlack.APP_TOKEN)
                .withApiBaseUrl(slack.apiBaseUrl()).withRate(50)
                .withReconnect(Duration.ofMillis(50), Duration.ofMillis(500)));
    }

    @Override
    protected PlatformDriver driver() {
        return new PlatformDriver() {
            @Override
            public void userSays(String user, String conversation, String text) {
                String said = conversation.startsWith("D") ? text : "<@" + FakeSlack.BOT_USER + "> " + text;
                slack.userSays(user, conversation, null, said);
            }

            @Override
            public List<String> shownIn(String conversation) {
                return slack.shown(conversation).stream().map(FakeSlack.Shown::text).toList();
            }

            @Override
            public void dropConnection() {
                slack.socketMode().dropConnections();
            }

            @Override
            public boolean supportsDrop() {
                return true;
            }
        };
    }

    @AfterEach
    void stopFake() throws InterruptedException {
        slack.close();
    }

    @Override
    protected String selfUser() {
        return FakeSlack.BOT_USER;
    }

    @Override
    protected String channel() {
        return "C0CONTRACT";
    }

    @Override
    protected String otherChannel() {
        return "C0ELSEWHERE";
    }

    @Override
    protected String directConversation(String user) {
        return "D" + user.substring(1);
    }

    @Override
    protected String user() {
        return "U0ALICE";
    }

    @Override
    protected String otherUser() {
        return "U0BOB";
    }
}
