package dev.switchboard.core.command;

import java.util.List;
import java.util.Objects;

/**
 * The outcome of {@link CommandCatalog#compile}: a ready catalog, or every problem found in the declarations (not
 * just the first), in declaration order.
 */
public sealed interface Compilation {

    /** Every command is valid; the catalog parses text against all of them. */
    record Compiled(CommandCatalog catalog) implements Compilation {
        public Compiled {
            Objects.requireNonNull(catalog, "catalog");
        }
    }

    /** At least one problem; no catalog is built. {@code problems} is never empty. */
    record Rejected(List<TemplateProblem> problems) implements Compilation {
        public Rejected {
            problems = List.copyOf(problems);
            if (problems.isEmpty()) {
                throw new IllegalArgumentException("a rejected compilation needs at least one problem");
            }
        }
    }
}
