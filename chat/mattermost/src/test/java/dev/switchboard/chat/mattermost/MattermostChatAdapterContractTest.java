package dev.switchboard.chat.mattermost;

import dev.switchboard.api.chat.ChatAdapter;
import dev.switchboard.testkit.contract.ChatAdapterContract;
import dev.switchboard.testkit.contract.PlatformDriver;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.AfterEach;

/**
 * The Mattermost adapter passes the adapter contract against {@link FakeMattermost}: people post through the fake's
 * REST side (channel posts mention the bot, as a person addressing it would), and the fake drops the WebSocket for
 * the reconnect test. Buttons are on (a callback URL is configured), so they show as buttons.
 */
class MattermostChatAdapterContractTest extends ChatAdapterContract {
    private FakeMattermost fake;

    @Override
    protected ChatAdapter newAdapter() {
        try {
            fake = new FakeMattermost();
        } catch (Exception e) {
            throw new IllegalStateException("could not start the fake Mattermost", e);
        }
        return new MattermostChatAdapter(fake.settings()
                .withCallback(URI.create("http://127.0.0.1:9/mattermost/actions"), "contract-secret-0123456789"));
    }

    @Override
    protected PlatformDriver driver() {
        return new PlatformDriver() {
            @Override
            public void userSays(String user, String conversation, String text) {
                boolean direct = conversation.equals(fake.directChannel(user));
                fake.userSays(user, conversation, direct ? text : "@" + fake.bot().username() + " " + text, null);
            }

            @Override
            public List<String> shownIn(String conversation) {
                return fake.shownIn(conversation);
            }

            @Override
            public void dropConnection() {
                fake.dropSockets();
            }

            @Override
            public boolean supportsDrop() {
                return true;
            }
        };
    }

    @Override
    protected String selfUser() {
        return fake.bot().username();
    }

    @Override
    protected String channel() {
        return fake.channel("contract");
    }

    @Override
    protected String otherChannel() {
        return fake.channel("elsewhere");
    }

    @Override
    protected String directConversation(String user) {
        return fake.directChannel(user);
    }

    @AfterEach
    void stopTheFake() throws InterruptedException {
        adapter.stop();
        fake.close();
    }
}
