package dev.switchboard.core.incident;

import dev.switchboard.api.chat.RoomCreator;
import dev.switchboard.api.incident.Incident;
import dev.switchboard.core.chat.ChatGateway;
import dev.switchboard.core.identity.User;
import dev.switchboard.core.identity.UserDirectory;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates an incident's dedicated room through the platform's {@link RoomCreator} and invites the declarer and the
 * commander, by their accounts on that platform (the account they typed from, and the configured ones). Every
 * failure is a {@link Incidents.Room.Failed} value with a reason safe to show; a creator that throws is logged and
 * reported as unavailable. Thread-safe.
 */
final class IncidentRooms {
    private static final Logger log = LoggerFactory.getLogger(IncidentRooms.class);
    /** Slack's limit on channel names; Mattermost's is 64 for the display name, so this suits both. */
    private static final int MAX_NAME = 80;

    private final RoomSettings settings;
    private final ChatGateway gateway;
    private final Supplier<UserDirectory> users;

    /** {@code settings} null means incidents get no rooms. */
    IncidentRooms(RoomSettings settings, ChatGateway gateway, Supplier<UserDirectory> users) {
        this.settings = settings;
        this.gateway = gateway;
        this.users = users;
    }

    Incidents.Room open(Incident incident, Incidents.Actor by) {
        if (settings == null) {
            return new Incidents.Room.None();
        }
        Optional<RoomCreator> creator;
        try {
            creator = gateway.rooms(settings.platform());
        } catch (RuntimeException e) {
            log.warn("could not ask {} for rooms [{}]", settings.platform(), by.correlationId(), e);
            creator = Optional.empty();
        }
        if (creator.isEmpty()) {
            return new Incidents.Room.Failed(settings.platform() + " cannot create rooms here (its adapter is not"
                    + " enabled or not allowed to create conversations)");
        }
        List<String> unreachable = new ArrayList<>();
        List<String> invite = invitees(incident, by, unreachable);
        RoomCreator.Result result;
        try {
            result = creator.get().create(name(settings.prefix(), incident), incident.id() + ": " + incident.title(),
                    invite);
        } catch (RuntimeException e) {
            log.error("creating the room of {} on {} failed [{}]", incident.id(), settings.platform(),
                    by.correlationId(), e);
            return new Incidents.Room.Failed(settings.platform() + " failed to create it (ref " + by.correlationId()
                    + ")");
        }
        return switch (result) {
            case RoomCreator.Result.Created c -> {
                List<String> notInvited = new ArrayList<>(unreachable);
                c.notInvited().forEach(id -> notInvited.add(settings.platform() + ":" + id));
                yield new Incidents.Room.Opened(c.room(), c.name(), notInvited);
            }
            case RoomCreator.Result.Refused r -> new Incidents.Room.Failed(settings.platform() + " refused: "
                    + r.reason());
            case RoomCreator.Result.Unavailable u -> new Incidents.Room.Failed(settings.platform()
                    + " is unavailable: " + u.reason());
        };
    }

    /**
     * The platform user ids of the declarer and the commander on the room's platform; who has none there is added
     * to {@code unreachable}.
     */
    private List<String> invitees(Incident incident, Incidents.Actor by, List<String> unreachable) {
        String prefix = settings.platform() + ":";
        Set<String> ids = new LinkedHashSet<>();
        if (by.account() != null && by.account().startsWith(prefix)) {
            ids.add(by.account().substring(prefix.length()));
        }
        UserDirectory directory = users.get();
        for (String person : new LinkedHashSet<>(List.of(by.id(), incident.commander()))) {
            List<String> accounts = directory.users().stream().filter(u -> u.id().equals(person))
                    .map(User::accounts).findFirst().orElse(List.of()).stream()
                    .filter(a -> a.startsWith(prefix)).map(a -> a.substring(prefix.length())).toList();
            ids.addAll(accounts);
            boolean typedHere = person.equals(by.id()) && by.account() != null && by.account().startsWith(prefix);
            if (accounts.isEmpty() && !typedHere) {
                unreachable.add(person + " (no " + settings.platform() + " account)");
            }
        }
        return List.copyOf(ids);
    }

    /** {@code inc-42-checkout-is-down}: the prefix, the number and the title in lower case with dashes. */
    static String name(String prefix, Incident incident) {
        String slug = incident.title().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-")
                .replaceAll("^-+|-+$", "");
        String name = prefix + Incident.number(incident.id()).orElseThrow() + (slug.isEmpty() ? "" : "-" + slug);
        return name.length() <= MAX_NAME ? name : name.substring(0, MAX_NAME).replaceAll("-+$", "");
    }
}
