package org.bianmin.kiosk.home;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.bianmin.protocol.catalogue.Catalogue;
import org.bianmin.protocol.catalogue.ServiceItem;

/**
 * Plain keyword search over names, synonyms, codes and department names: what the kiosk uses until the
 * offline cache's pinyin-aware index is wired in.
 */
public final class KeywordFinder implements ItemFinder {

    private final Supplier<Catalogue> catalogue;

    public KeywordFinder(Supplier<Catalogue> catalogue) {
        this.catalogue = catalogue;
    }

    @Override
    public List<ServiceItem> find(String query) {
        String q = query.strip().toLowerCase(Locale.ROOT);
        Catalogue c = catalogue.get();
        return c.items().stream()
                .filter(item -> words(c, item).anyMatch(w -> w.toLowerCase(Locale.ROOT).contains(q)))
                .sorted(Comparator.comparing((ServiceItem item) -> !item.name().startsWith(query.strip()))
                        .thenComparing(Comparator.comparingInt(ServiceItem::popularity).reversed()))
                .toList();
    }

    private static Stream<String> words(Catalogue c, ServiceItem item) {
        String department = c.department(item.department()).map(Catalogue.Department::name).orElse("");
        return Stream.concat(Stream.of(item.name(), item.code(), item.basicCode(), department),
                item.synonyms().stream());
    }
}
