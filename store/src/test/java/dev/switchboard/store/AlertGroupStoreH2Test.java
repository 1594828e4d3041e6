package dev.switchboard.store;

import dev.switchboard.api.alert.AlertGroupStore;
import dev.switchboard.testkit.contract.AlertGroupStoreContract;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/** The alert-group store contract on an H2 file database, the embedded default. */
class AlertGroupStoreH2Test extends AlertGroupStoreContract {
    @TempDir
    static Path dir;
    private static JdbcStorage storage;

    @BeforeAll
    static void open() {
        storage = JdbcStorage.open(StorageSettings.of("jdbc:h2:file:" + dir.resolve("switchboard"), "sb",
                "h2-Groups-Pa55word"));
    }

    @AfterAll
    static void close() {
        storage.close();
    }

    @Override
    protected AlertGroupStore store() {
        return storage.alertGroups();
    }
}
