package dev.switchboard.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Merges an included file's top-level map into the including one: the list sections ({@code users},
 * {@code commands}, {@code policy}) are concatenated in include order, maps are merged key by key, and a value set
 * in both files is an error at the second one that names the first.
 */
final class TreeMerger {
    static final Set<String> LIST_SECTIONS = Set.of("users", "commands", "policy");

    private final Diagnostics diagnostics;

    TreeMerger(Diagnostics diagnostics) {
        this.diagnostics = diagnostics;
    }

    YamlNode.Mapping merge(YamlNode.Mapping into, YamlNode.Mapping extra) {
        Map<String, YamlNode.Entry> entries = new LinkedHashMap<>(into.entries());
        for (YamlNode.Entry e : extra.entries().values()) {
            YamlNode.Entry existing = entries.get(e.key());
            if (existing == null) {
                entries.put(e.key(), e);
            } else if (LIST_SECTIONS.contains(e.key()) && existing.value() instanceof YamlNode.Sequence a
                    && e.value() instanceof YamlNode.Sequence b) {
                List<YamlNode> items = new ArrayList<>(a.items());
                items.addAll(b.items());
                entries.put(e.key(), new YamlNode.Entry(e.key(), existing.keyMark(),
                        new YamlNode.Sequence(a.mark(), items)));
            } else {
                entries.put(e.key(), new YamlNode.Entry(e.key(), existing.keyMark(),
                        value(e.key(), existing, e)));
            }
        }
        return new YamlNode.Mapping(into.mark(), entries);
    }

    private YamlNode value(String path, YamlNode.Entry first, YamlNode.Entry second) {
        if (first.value() instanceof YamlNode.Mapping a && second.value() instanceof YamlNode.Mapping b) {
            Map<String, YamlNode.Entry> entries = new LinkedHashMap<>(a.entries());
            for (YamlNode.Entry e : b.entries().values()) {
                YamlNode.Entry existing = entries.get(e.key());
                entries.put(e.key(), existing == null ? e : new YamlNode.Entry(e.key(), existing.keyMark(),
                        value(path + "." + e.key(), existing, e)));
            }
            return new YamlNode.Mapping(a.mark(), entries);
        }
        diagnostics.error(second.keyMark(), path, "also set in " + first.keyMark() + "; set it in one file only");
        return first.value();
    }
}
