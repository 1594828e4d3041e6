package dev.switchboard.testkit;

import dev.switchboard.api.command.ActionSpec;
import dev.switchboard.api.command.ArgSpec;
import dev.switchboard.api.command.ArgType;
import dev.switchboard.api.command.CommandSpec;
import dev.switchboard.api.command.LockSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Declares commands for tests in one readable line:
 * {@code command("deploy.service").template("deploy {service} to {env}").enumArg("env", "staging", "prod")
 * .reply("deploying {service} to {env}")}.
 */
public final class Commands {
    private Commands() {}

    public static Builder command(String id) {
        return new Builder(id);
    }

    /** A command under construction. Not thread-safe. */
    public static final class Builder {
        private final String id;
        private final List<String> templates = new ArrayList<>();
        private final Map<String, ArgSpec> args = new LinkedHashMap<>();
        private final List<String> examples = new ArrayList<>();
        private String help = "";
        private String confirm;
        private LockSpec lock;
        private Duration timeout;
        private ActionSpec action;

        private Builder(String id) {
            this.id = id;
        }

        public Builder template(String... templates) {
            this.templates.addAll(List.of(templates));
            return this;
        }

        public Builder arg(String name, ArgType type) {
            args.put(name, new ArgSpec(name, type, false, ""));
            return this;
        }

        public Builder enumArg(String name, String... values) {
            return arg(name, new ArgType.Enum(List.of(values)));
        }

        public Builder intArg(String name, long min, long max) {
            return arg(name, new ArgType.Int(min, max));
        }

        /** A text argument whose value is masked everywhere. */
        public Builder secretArg(String name) {
            args.put(name, new ArgSpec(name, new ArgType.Text(200), true, ""));
            return this;
        }

        public Builder help(String help) {
            this.help = help;
            return this;
        }

        public Builder example(String... examples) {
            this.examples.addAll(List.of(examples));
            return this;
        }

        public Builder confirm(String condition) {
            this.confirm = condition;
            return this;
        }

        public Builder lock(String template, LockSpec.Mode mode) {
            this.lock = new LockSpec(template, mode);
            return this;
        }

        public Builder timeout(Duration timeout) {
            this.timeout = timeout;
            return this;
        }

        public Builder action(String kind, Map<String, Object> settings) {
            this.action = new ActionSpec(kind, settings);
            return this;
        }

        /** A {@code reply} action that answers with the text, {@code {arg}} placeholders filled in. */
        public Builder reply(String text) {
            return action("reply", Map.of("text", text));
        }

        public CommandSpec build() {
            if (action == null) {
                throw new IllegalStateException("command " + id + " needs an action: .reply(...) or .action(...)");
            }
            return new CommandSpec(id, templates, args, help, examples, confirm, lock, timeout, action, "test");
        }
    }
}
