package dev.switchboard.chat.web;

import dev.switchboard.api.chat.ChatAdapter;
import dev.switchboard.testkit.contract.ChatAdapterContract;
import dev.switchboard.testkit.contract.PlatformDriver;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.json.JsonMapper;

/** The web chat passes the adapter contract, driven by fake browser tabs (no network). */
class WebChatAdapterContractTest extends ChatAdapterContract {
    private WebChatAdapter web;

    @Override
    protected ChatAdapter newAdapter() {
        web = new WebChatAdapter();
        return web;
    }

    @Override
    protected PlatformDriver driver() {
        return new Browsers(web);
    }

    /** One tab per person who speaks, one watching tab per conversation that is looked at. */
    private static final class Browsers implements PlatformDriver {
        private final WebChatAdapter adapter;
        private final AtomicInteger ids = new AtomicInteger();
        private final Map<String, FakeBrowser> speakers = new HashMap<>();
        private final Map<String, FakeBrowser> watchers = new HashMap<>();

        Browsers(WebChatAdapter adapter) {
            this.adapter = adapter;
        }

        @Override
        public void userSays(String user, String conversation, String text) {
            FakeBrowser tab = speakers.computeIfAbsent(user, this::open);
            String say = JsonMapper.builder().build().createObjectNode()
                    .put("type", "say").put("room", conversation).put("text", text).toString();
            adapter.receive(tab.id(), say);
        }

        @Override
        public List<String> shownIn(String conversation) {
            FakeBrowser tab = watchers.computeIfAbsent(conversation, c -> {
                FakeBrowser watcher = open(c.startsWith("dm:") ? c.substring(3) : "watcher");
                adapter.receive(watcher.id(), "{\"type\":\"join\",\"room\":\"" + c + "\"}");
                return watcher;
            });
            return tab.screen(conversation).stream().map(line -> line.substring(line.indexOf(": ") + 2)).toList();
        }

        @Override
        public void dropConnection() {
            speakers.values().forEach(tab -> adapter.disconnect(tab.id()));
            watchers.values().forEach(tab -> adapter.disconnect(tab.id()));
            speakers.clear();
            watchers.clear();
        }

        @Override
        public boolean supportsDrop() {
            return true;
        }

        private FakeBrowser open(String user) {
            FakeBrowser tab = new FakeBrowser("tab-" + ids.incrementAndGet(), user);
            adapter.connect(tab);
            return tab;
        }
    }
}
