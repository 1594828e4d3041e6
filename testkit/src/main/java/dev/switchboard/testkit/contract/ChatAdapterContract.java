package dev.switchboard.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.switchboard.api.chat.ChatAdapter;
import dev.switchboard.api.chat.ConversationRef;
import dev.switchboard.api.chat.InboundMessage;
import dev.switchboard.api.chat.MessageRef;
import dev.switchboard.api.reply.Button;
import dev.switchboard.api.reply.Reply;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link ChatAdapter} must show, whatever its platform. An adapter's test extends this class
 * (name it {@code <Platform>ChatAdapterContractTest}) and supplies the adapter and a {@link PlatformDriver} for the
 * platform side; JUnit runs every test below against it.
 *
 * <p>Per test: {@link #newAdapter()} is called, then {@link #driver()}, then the adapter is started with a
 * recording sink and the suite waits until it reports ready; it is stopped after the test. Asynchrony is awaited
 * for at most {@link #patience()}.
 */
public abstract class ChatAdapterContract {
    private static final AtomicInteger NONCES = new AtomicInteger();

    /** A fresh, not yet started adapter connected to the platform the driver controls. */
    protected abstract ChatAdapter newAdapter();

    /** The platform side for the adapter just made by {@link #newAdapter()}; called once per test, after it. */
    protected abstract PlatformDriver driver();

    /**
     * The platform account the adapter posts as, so the suite can make it "say" something from the platform side
     * and check that it is not delivered back. Null (the default) when the platform cannot do that.
     */
    protected String selfUser() {
        return null;
    }

    /** A channel (group conversation) both test users can use, as the adapter names it. */
    protected String channel() {
        return "#contract";
    }

    /** A second channel, to check replies do not leak across conversations. */
    protected String otherChannel() {
        return "#elsewhere";
    }

    /** The direct (one-to-one) conversation between {@code user} and the bot, as the adapter names it. */
    protected String directConversation(String user) {
        return "dm:" + user;
    }

    /** A human platform account for the tests. */
    protected String user() {
        return "alice";
    }

    /** A second human platform account. */
    protected String otherUser() {
        return "bob";
    }

    /** How long to wait for anything asynchronous. */
    protected Duration patience() {
        return Duration.ofSeconds(10);
    }

    protected ChatAdapter adapter;
    protected PlatformDriver platform;
    protected final List<InboundMessage> received = new CopyOnWriteArrayList<>();

    @BeforeEach
    void startAdapter() {
        adapter = newAdapter();
        platform = driver();
        adapter.start(received::add);
        awaitReady();
    }

    @AfterEach
    void stopAdapter() {
        adapter.stop();
    }

    @Test
    void aChannelMessageArrivesWithAStableUserIdAndItsConversation() {
        String first = unique("status web");
        String second = unique("status billing");
        platform.userSays(user(), channel(), first);
        platform.userSays(user(), channel(), second);
        String third = unique("whoami");
        platform.userSays(otherUser(), channel(), third);

        InboundMessage one = arrived(first);
        InboundMessage two = arrived(second);
        assertThat(one.user()).isEqualTo(two.user());
        assertThat(one.user().platform()).isEqualTo(adapter.platform());
        assertThat(one.conversation().platform()).isEqualTo(adapter.platform());
        assertThat(one.conversation().id()).isEqualTo(channel());
        assertThat(one.direct()).isFalse();
        assertThat(one.eventId()).isNotEqualTo(two.eventId());
        assertThat(arrived(third).user().id()).isNotEqualTo(one.user().id());
    }

    @Test
    void aDirectMessageArrivesAsDirect() {
        String text = unique("help");
        platform.userSays(user(), directConversation(user()), text);

        InboundMessage message = arrived(text);
        assertThat(message.direct()).isTrue();
        assertThat(message.conversation().id()).isEqualTo(directConversation(user()));
    }

    @Test
    void theBotsOwnMessagesAreNotDelivered() {
        String botText = unique("bot says");
        adapter.send(ConversationRef.of(adapter.platform(), channel()), Reply.text(botText));
        if (selfUser() != null) {
            platform.userSays(selfUser(), channel(), botText);
        }
        String marker = unique("marker");
        platform.userSays(user(), channel(), marker);

        arrived(marker);
        assertThat(received).extracting(InboundMessage::text).noneMatch(t -> t.contains(botText));
    }

    @Test
    void aReplyIsShownInTheConversationAndThreadItAnswers() {
        String question = unique("status web");
        platform.userSays(user(), channel(), question);
        InboundMessage asked = arrived(question);

        String answer = unique("web is healthy");
        adapter.send(asked.conversation(), Reply.text(answer));

        awaitShown(channel(), answer);
        assertThat(shownText(otherChannel())).doesNotContain(answer);
    }

    @Test
    void anEditReplacesTheShownTextOrIsPostedWithoutEdits() {
        String progress = unique("deploying web: 10%");
        String done = unique("deployed web: 100%");
        MessageRef posted = adapter.send(ConversationRef.of(adapter.platform(), channel()), Reply.text(progress));
        awaitShown(channel(), progress);

        adapter.edit(posted, Reply.text(done));

        awaitShown(channel(), done);
        if (adapter.capabilities().edits()) {
            assertThat(shownText(channel())).doesNotContain(progress);
        }
    }

    @Test
    void aReplyLongerThanTheLimitIsShownComplete() {
        int limit = adapter.capabilities().maxMessageLength();
        StringBuilder text = new StringBuilder(unique("log")).append(' ');
        for (int line = 0; text.length() <= limit + 200; line++) {
            text.append("line-").append(line).append(' ');
        }
        String expected = withoutWhitespace(text.toString());
        adapter.send(ConversationRef.of(adapter.platform(), channel()), Reply.text(text.toString()));

        waiting().untilAsserted(() ->
                assertThat(withoutWhitespace(String.join("", platform.shownIn(channel())))).contains(expected));
    }

    @Test
    void buttonsAreShownOrDegradeToCommandsToType() {
        String command = unique("cancel 12");
        Reply reply = Reply.builder().text(unique("job 12 is running"))
                .buttons(new Button("Cancel job", command, Button.Style.DANGER)).build();
        adapter.send(ConversationRef.of(adapter.platform(), channel()), reply);

        awaitShown(channel(), "Cancel job");
        if (!adapter.capabilities().buttons()) {
            assertThat(shownText(channel())).contains(command);
        }
    }

    @Test
    void stoppingTwiceAndStartingAgainWorks() {
        adapter.stop();
        adapter.stop();
        assertThat(adapter.health().ready()).isFalse();

        adapter.start(received::add);
        awaitReady();
        String text = unique("help");
        platform.userSays(user(), channel(), text);
        arrived(text);
    }

    @Test
    void afterADroppedConnectionTheAdapterReconnectsAndLosesNoReply() {
        Assumptions.assumeTrue(platform.supportsDrop(),
                adapter.platform() + ": the platform has no connection to drop, so there is nothing to reconnect");
        platform.dropConnection();
        String answer = unique("sent while the connection was down");
        adapter.send(ConversationRef.of(adapter.platform(), channel()), Reply.text(answer));

        awaitReady();
        awaitShown(channel(), answer);
        String text = unique("still there?");
        platform.userSays(user(), channel(), text);
        arrived(text);
    }

    /** The first received message whose text is {@code text}, waiting for it to arrive. */
    protected InboundMessage arrived(String text) {
        return waiting().until(
                () -> received.stream().filter(m -> m.text().equals(text)).findFirst().orElse(null),
                m -> m != null);
    }

    protected void awaitShown(String conversation, String text) {
        waiting().untilAsserted(() -> assertThat(shownText(conversation)).contains(text));
    }

    /** Awaitility with this suite's patience, polling quickly so a passing suite takes milliseconds. */
    protected ConditionFactory waiting() {
        return await().atMost(patience()).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(10));
    }

    private void awaitReady() {
        waiting().until(() -> adapter.health().ready());
    }

    private String shownText(String conversation) {
        return String.join("\n", platform.shownIn(conversation));
    }

    /** Text that no other test (or run of this one) says, so leftovers on a shared platform cannot match. */
    protected static String unique(String text) {
        return text + " t" + NONCES.incrementAndGet();
    }

    private static String withoutWhitespace(String text) {
        return text.replaceAll("\\s+", "");
    }
}
