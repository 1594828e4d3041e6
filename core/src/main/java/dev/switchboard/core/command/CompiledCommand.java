package dev.switchboard.core.command;

import dev.switchboard.api.command.ArgType;
import dev.switchboard.api.command.CommandSpec;
import java.util.List;

/** A command whose templates all passed the syntax and default checks, each compiled once. Immutable. */
record CompiledCommand(CommandSpec spec, List<Template> templates) {
    CompiledCommand {
        templates = List.copyOf(templates);
    }

    String id() {
        return spec.id();
    }

    ArgType type(String argument) {
        return spec.arg(argument).type();
    }

    boolean secret(String argument) {
        return spec.arg(argument).secret();
    }
}
