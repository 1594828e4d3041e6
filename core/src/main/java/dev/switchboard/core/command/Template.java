package dev.switchboard.core.command;

import java.util.List;

/**
 * A syntactically valid template of a command: its source text, its position in {@code CommandSpec.templates()}
 * and its parts. A valid template starts with a literal word, uses each argument name once and has its rest
 * argument (if any) last.
 */
record Template(String source, int index, List<TemplatePart> parts) {
    Template {
        parts = List.copyOf(parts);
    }

    /** The usage line: {@code deploy <service> [version] to <env>}; a rest argument shows as {@code <name...>}. */
    String usage() {
        StringBuilder out = new StringBuilder();
        for (TemplatePart part : parts) {
            if (!out.isEmpty()) {
                out.append(' ');
            }
            switch (part) {
                case TemplatePart.Literal l -> out.append(l.word());
                case TemplatePart.Arg a -> out.append(switch (a.kind()) {
                    case REQUIRED -> "<" + a.name() + ">";
                    case OPTIONAL -> "[" + a.name() + "]";
                    case REST -> "<" + a.name() + "...>";
                });
            }
        }
        return out.toString();
    }

    /** The literal words before the first argument, in lower case. */
    List<String> literalPrefix() {
        return parts.stream()
                .takeWhile(p -> p instanceof TemplatePart.Literal)
                .map(p -> ((TemplatePart.Literal) p).word().toLowerCase(java.util.Locale.ROOT))
                .toList();
    }

    /** Where this template sits inside its command's config, as reported in problems. */
    String where() {
        return "templates[" + index + "]";
    }
}
