package org.bianmin.kiosk.detail;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.bianmin.kiosk.i18n.Content;
import org.bianmin.kiosk.i18n.Language;
import org.bianmin.kiosk.i18n.Messages;
import org.bianmin.protocol.catalogue.Catalogue;
import org.bianmin.protocol.catalogue.CatalogueReader;
import org.bianmin.protocol.catalogue.ServiceItem;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ItemDetailViewModelTest {

    private final Catalogue catalogue = new CatalogueReader().readSample();

    /** Every element, in the citizen's language: zh-CN as published, 繁體 converted, English from the catalogue. */
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
            ServiceItem.English en = item.english();
            assertThat(all).as(item.name())
                    .contains(item.code(), item.basicCode(), item.phone(),
                            m.show(new Content(item.implementingBody().name(), en.implementingBody())),
                            m.show(new Content(item.place(), en.place())),
                            m.show(new Content(item.hours(), en.hours())),
                            m.show(new Content(item.fee().description(), en.fee())),
                            m.show(new Content(item.result().name(), en.result())),
                            m.of("itemType", item.type()), m.of("handlingType", item.handlingType()),
                            m.get("detail.legalTimeLimit"), m.get("detail.promisedTimeLimit"),
                            m.get("detail.visits"), m.get("detail.kioskHandleable"));
            m.show(Content.list(item.legalBasis(), en.legalBasis())).forEach(b -> assertThat(all).contains(b));
            m.show(Content.list(item.conditions(), en.conditions())).forEach(c -> assertThat(all).contains(c));
            m.show(Content.list(item.process(), en.process())).forEach(p -> assertThat(all).contains(p));
            for (int i = 0; i < item.materials().size(); i++) {
                ServiceItem.Material mat = item.materials().get(i);
                ServiceItem.English.MaterialText matEn = en.materials().get(i);
                assertThat(all).contains(m.show(new Content(mat.name(), matEn.name())),
                        m.show(new Content(mat.source(), matEn.source())));
            }
            item.serviceObjects().forEach(o -> assertThat(all).contains(m.of("serviceObject", o)));
            if (language == Language.EN) {
                assertThat(all).as(item.name() + " in English").doesNotContainPattern("\\p{IsHan}");
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void counterItemsSayWhereToGo(Language language) {
        Messages m = new Messages(language);
        ServiceItem counter = catalogue.items().stream().filter(i -> !i.kioskHandleable()).findFirst().orElseThrow();
        ServiceItem.English en = counter.english();
        assertThat(new ItemDetailViewModel(counter, catalogue, java.util.Optional.empty()).availability(m))
                .isEqualTo(m.get("detail.kiosk.no", m.show(new Content(counter.place(), en.place())) + " ("
                        + m.show(new Content(counter.hours(), en.hours())) + ")"));
        ServiceItem here = catalogue.items().stream().filter(ServiceItem::kioskHandleable).findFirst().orElseThrow();
        assertThat(new ItemDetailViewModel(here, catalogue, java.util.Optional.empty()).availability(m)).isEqualTo(m.get("detail.kiosk.yes"));
    }
}
