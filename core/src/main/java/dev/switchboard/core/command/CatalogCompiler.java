package dev.switchboard.core.command;

import dev.switchboard.api.command.ArgSpec;
import dev.switchboard.api.command.ArgType;
import dev.switchboard.api.command.CommandSpec;
import dev.switchboard.api.command.ParseResult;
import dev.switchboard.core.command.TemplatePart.Arg;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Compiles command declarations and checks them one by one (id, template syntax, defaults, unused arguments) and
 * against each other (duplicate ids, overlapping templates, examples). A command with a problem of its own is left
 * out of the cross-checks so that one mistake is reported once, not echoed by every example. Stateless.
 */
final class CatalogCompiler {
    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9_-]*(\\.[a-z][a-z0-9_-]*)*");

    private CatalogCompiler() {}

    static Compilation compile(List<CommandSpec> specs) {
        List<TemplateProblem> problems = new ArrayList<>();
        List<CompiledCommand> valid = new ArrayList<>();
        Map<String, Integer> firstDeclared = new HashMap<>();
        for (int s = 0; s < specs.size(); s++) {
            CommandSpec spec = specs.get(s);
            int before = problems.size();
            checkId(spec, s, firstDeclared, specs, problems);
            List<Template> templates = compileTemplates(spec, problems);
            checkArgs(spec, templates, problems);
            if (problems.size() == before) {
                valid.add(new CompiledCommand(spec, templates));
            }
        }
        checkOverlaps(valid, problems);
        CommandCatalog catalog = new CommandCatalog(valid);
        for (CompiledCommand command : valid) {
            checkExamples(command, catalog, problems);
        }
        return problems.isEmpty() ? new Compilation.Compiled(catalog) : new Compilation.Rejected(problems);
    }

    private static void checkId(CommandSpec spec, int s, Map<String, Integer> firstDeclared, List<CommandSpec> specs,
            List<TemplateProblem> problems) {
        if (!ID.matcher(spec.id()).matches()) {
            problems.add(new TemplateProblem(spec.id(), "id", "invalid command id '" + spec.id()
                    + "'; expected dotted lower case words like deploy.service"));
        }
        Integer earlier = firstDeclared.putIfAbsent(spec.id(), s);
        if (earlier != null) {
            String there = specs.get(earlier).source();
            problems.add(new TemplateProblem(spec.id(), "id", "command id '" + spec.id() + "' is already declared"
                    + (there == null ? "" : " at " + there) + "; every command needs its own id"));
        }
    }

    private static List<Template> compileTemplates(CommandSpec spec, List<TemplateProblem> problems) {
        List<Template> templates = new ArrayList<>();
        for (int i = 0; i < spec.templates().size(); i++) {
            String source = spec.templates().get(i);
            String where = "templates[" + i + "]";
            switch (TemplateSyntax.read(source, i)) {
                case TemplateSyntax.Result.Parsed p -> {
                    templates.add(p.template());
                    checkDefaults(spec, p.template(), problems);
                }
                case TemplateSyntax.Result.Broken b -> b.messages().forEach(m -> problems.add(
                        new TemplateProblem(spec.id(), where, m + " in '" + source + "'")));
            }
        }
        return templates;
    }

    private static void checkDefaults(CommandSpec spec, Template template, List<TemplateProblem> problems) {
        for (TemplatePart part : template.parts()) {
            if (part instanceof Arg arg && arg.optional()) {
                ArgSpec declared = spec.arg(arg.name());
                if (declared.type().check(arg.defaultValue()) instanceof ArgType.Check.Rejected r) {
                    String shown = declared.secret() ? "***" : "'" + arg.defaultValue() + "'";
                    problems.add(new TemplateProblem(spec.id(), template.where(), "column " + arg.column()
                            + ": the default " + shown + " of {" + arg.name() + "} is not valid; expected "
                            + r.expected() + ", in '" + template.source() + "'"));
                }
            }
        }
    }

    private static void checkArgs(CommandSpec spec, List<Template> templates, List<TemplateProblem> problems) {
        Set<String> used = new HashSet<>();
        for (Template template : templates) {
            template.parts().forEach(p -> {
                if (p instanceof Arg arg) {
                    used.add(arg.name());
                }
            });
        }
        boolean allTemplatesRead = templates.size() == spec.templates().size();
        for (String name : new TreeSet<>(spec.args().keySet())) {
            ArgSpec declared = spec.args().get(name);
            if (!declared.name().equals(name)) {
                problems.add(new TemplateProblem(spec.id(), "args." + name, "argument declared under '" + name
                        + "' calls itself '" + declared.name() + "'; expected the same name"));
            } else if (allTemplatesRead && !used.contains(name)) {
                problems.add(new TemplateProblem(spec.id(), "args." + name, "argument '" + name
                        + "' is declared but no template uses it; expected {" + name + "} in a template, "
                        + "or remove the declaration"));
            }
        }
    }

    private static void checkOverlaps(List<CompiledCommand> commands, List<TemplateProblem> problems) {
        for (int b = 1; b < commands.size(); b++) {
            CompiledCommand later = commands.get(b);
            for (int a = 0; a < b; a++) {
                CompiledCommand earlier = commands.get(a);
                for (Template tb : later.templates()) {
                    for (Template ta : earlier.templates()) {
                        if (TemplateOverlap.exists(earlier, ta, later, tb)) {
                            problems.add(new TemplateProblem(later.id(), tb.where(), "'" + tb.source()
                                    + "' can match the same text as '" + ta.source() + "' of command "
                                    + earlier.id() + " (" + ta.where() + "); expected different literal words "
                                    + "or enum values so that every line names one command"));
                        }
                    }
                }
            }
        }
    }

    private static void checkExamples(CompiledCommand command, CommandCatalog catalog,
            List<TemplateProblem> problems) {
        List<String> examples = command.spec().examples();
        for (int i = 0; i < examples.size(); i++) {
            String example = examples.get(i);
            String wrong = switch (catalog.parse(example)) {
                case ParseResult.Matched m -> m.invocation().commandId().equals(command.id()) ? null
                        : "parses to command " + m.invocation().commandId() + " instead";
                case ParseResult.NoMatch n -> "matches no template; expected "
                        + String.join(" or ", command.templates().stream().map(Template::usage).toList());
                case ParseResult.Ambiguous a -> "is ambiguous between commands " + String.join(", ", a.candidates());
                case ParseResult.Invalid v -> v.commandId().equals(command.id())
                        ? "has an invalid argument " + v.argument() + " '" + v.value() + "'; expected " + v.expected()
                        : "parses to command " + v.commandId() + " (with an invalid argument " + v.argument()
                                + ") instead";
            };
            if (wrong != null) {
                problems.add(new TemplateProblem(command.id(), "examples[" + i + "]",
                        "example '" + example + "' " + wrong));
            }
        }
    }
}
