package org.bianmin.kiosk.detail;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.bianmin.kiosk.i18n.Language;
import org.bianmin.kiosk.i18n.Messages;
import org.bianmin.protocol.catalogue.Catalogue;
import org.bianmin.protocol.catalogue.CatalogueReader;
import org.bianmin.protocol.catalogue.ServiceItem;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ItemDetailViewModelTest {

    private final Catalogue catalogue = new CatalogueReader().readSample();

    @ParameterizedTest
    @EnumSource(Language.class)
    void everyElementOfEveryItemIsShown(Language language) {
        Messages m = new Messages(language);
        for (ServiceItem item : catalogue.items()) {
            List<String> text = new ItemDetailViewModel(item, catalogue, java.util.Optional.empty()).sections(m).stream()
                    .flatMap(s -> s.rows().stream())
                    .flatMap(r -> java.util.stream.Stream.concat(java.util.stream.Stream.of(r.label()),
                            r.lines().stream()))
                    .toList();
            String all = String.join("\n", text);
            assertThat(all).as(item.name())
                    .contains(item.code(), item.basicCode(), item.implementingBody().name(), item.place(),
                            item.hours(), item.phone(), item.fee().description(), item.result().name(),
                            m.of("itemType", item.type()), m.of("handlingType", item.handlingType()),
                            m.get("detail.legalTimeLimit"), m.get("detail.promisedTimeLimit"),
                            m.get("detail.visits"), m.get("detail.kioskHandleable"));
            item.legalBasis().forEach(b -> assertThat(all).contains(b));
            item.conditions().forEach(c -> assertThat(all).contains(c));
            item.process().forEach(p -> assertThat(all).contains(p));
            item.materials().forEach(mat -> assertThat(all).contains(mat.name(), mat.source()));
            item.serviceObjects().forEach(o -> assertThat(all).contains(m.of("serviceObject", o)));
        }
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void counterItemsSayWhereToGo(Language language) {
        Messages m = new Messages(language);
        ServiceItem counter = catalogue.items().stream().filter(i -> !i.kioskHandleable()).findFirst().orElseThrow();
        assertThat(new ItemDetailViewModel(counter, catalogue, java.util.Optional.empty()).availability(m))
                .isEqualTo(m.get("detail.kiosk.no", counter.place() + " (" + counter.hours() + ")"));
        ServiceItem here = catalogue.items().stream().filter(ServiceItem::kioskHandleable).findFirst().orElseThrow();
        assertThat(new ItemDetailViewModel(here, catalogue, java.util.Optional.empty()).availability(m)).isEqualTo(m.get("detail.kiosk.yes"));
    }
}
