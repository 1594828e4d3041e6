package dev.switchboard.app.wiring;

import dev.switchboard.alerts.routing.AlertRouter;
import dev.switchboard.alerts.routing.GroupState;
import dev.switchboard.server.rest.AlertGroups;
import java.util.List;
import java.util.Optional;

/** The alert router's groups as the REST API shows them. Thread-safe (the router is). */
final class RouterGroups implements AlertGroups {
    private final AlertRouter router;

    RouterGroups(AlertRouter router) {
        this.router = router;
    }

    @Override
    public List<Group> all() {
        return router.groups().stream().map(RouterGroups::group).toList();
    }

    @Override
    public Optional<Group> find(String id) {
        return router.group(id).map(RouterGroups::group);
    }

    @Override
    public List<String> groupsOf(String fingerprint) {
        return router.groupsOf(fingerprint);
    }

    private static Group group(GroupState state) {
        return new Group(state.id(), state.key().route(), state.conversation(), state.key().labels(), state.title(),
                state.severity(), state.alerts(), state.message() == null ? null : state.message().messageId(),
                state.folded(), state.closed(), state.openedAt(), state.lastSayAt(), state.lastSentAt());
    }
}
