package dev.switchboard.chat.irc;

import static org.awaitility.Awaitility.await;

import dev.switchboard.api.chat.AdapterHealth;
import dev.switchboard.api.chat.ChatAdapter;
import dev.switchboard.testkit.contract.ChatAdapterContract;
import dev.switchboard.testkit.contract.PlatformDriver;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;

/**
 * IRC passes the adapter contract against a real ngIRCd, with raw-socket clients as the people. Each test uses
 * fresh nicks, so a previous test's connections still quitting cannot collide with it.
 */
class IrcChatAdapterContractIT extends ChatAdapterContract {
    private static final AtomicInteger RUNS = new AtomicInteger();
    private static TestIrcd ircd;

    private int run;
    private IrcSettings settings;
    private People people;

    @BeforeAll
    static void startServer() {
        ircd = TestIrcd.obtain();
    }

    @AfterAll
    static void stopServer() {
        if (ircd != null) {
            ircd.close();
        }
    }

    @Override
    protected ChatAdapter newAdapter() {
        run = RUNS.incrementAndGet();
        settings = IrcSettings.of(ircd.host(), ircd.port(), "sb" + run + "x" + ProcessHandle.current().pid(),
                        List.of(channel(), otherChannel()))
                .withRate(200, 20).withReconnect(Duration.ofMillis(50), Duration.ofMillis(500));
        return new IrcChatAdapter(settings);
    }

    @Override
    protected PlatformDriver driver() {
        people = new People();
        return people;
    }

    @AfterEach
    void leave() {
        if (people != null) {
            people.close();
        }
    }

    @Override
    protected String user() {
        return "alice" + run;
    }

    @Override
    protected String otherUser() {
        return "bob" + run;
    }

    @Override
    protected Duration patience() {
        return Duration.ofSeconds(20);
    }

    /** One client per person who speaks, plus a watcher in each channel from the start. */
    private final class People implements PlatformDriver {
        private final Map<String, IrcUser> speakers = new HashMap<>();
        private final Map<String, IrcUser> watchers = new HashMap<>();
        private final List<IrcUser> all = new ArrayList<>();

        People() {
            for (String channel : List.of(channel(), otherChannel())) {
                watchers.put(channel, open("w" + run + channel.substring(1, 3)).join(channel));
            }
        }

        @Override
        public void userSays(String user, String conversation, String text) {
            IrcUser person = speakers.computeIfAbsent(user, this::open);
            if (conversation.startsWith(IrcTargets.DIRECT)) {
                person.say(adapterNick(), text);
            } else {
                if (person.seen(conversation).isEmpty() && !joinedBy(person, conversation)) {
                    person.join(conversation);
                }
                person.say(conversation, settings.commandPrefix() + text);
            }
        }

        @Override
        public List<String> shownIn(String conversation) {
            if (conversation.startsWith(IrcTargets.DIRECT)) {
                IrcUser person = speakers.get(conversation.substring(IrcTargets.DIRECT.length()));
                return person == null ? List.of() : person.seen("dm:" + adapterNick());
            }
            return watchers.get(conversation).seen(conversation);
        }

        @Override
        public void dropConnection() {
            AdapterHealth before = adapter.health();
            IrcUser oper = open("op" + run);
            oper.send("OPER admin adminpass");
            oper.send("KILL " + adapterNick() + " :contract test drops the bot");
            // The adapter may be back within milliseconds, so wait for any change of health, not for "down".
            await().atMost(patience()).pollInterval(Duration.ofMillis(1)).until(() -> adapter.health() != before);
        }

        @Override
        public boolean supportsDrop() {
            return true;
        }

        void close() {
            all.forEach(IrcUser::close);
        }

        private final Map<IrcUser, java.util.Set<String>> joins = new HashMap<>();

        private boolean joinedBy(IrcUser person, String channel) {
            return !joins.computeIfAbsent(person, p -> new java.util.HashSet<>()).add(channel);
        }

        private String adapterNick() {
            return settings.nick();
        }

        private IrcUser open(String nick) {
            IrcUser user = IrcUser.connect(ircd.host(), ircd.port(), nick);
            all.add(user);
            return user;
        }
    }
}
