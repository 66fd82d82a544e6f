package org.bianmin.kiosk.detail;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.bianmin.kiosk.i18n.Content;
import org.bianmin.kiosk.i18n.Messages;
import org.bianmin.kiosk.ui.Screen;
import org.bianmin.protocol.catalogue.Catalogue;
import org.bianmin.protocol.catalogue.ServiceItem;

/**
 * Item detail: every element of the service item, grouped into sections a citizen reads top to bottom (what it
 * is, who can apply, what to bring, how long and how much, where to go, on what legal basis), each text in the
 * citizen's language ({@link Messages#show}).
 */
public final class ItemDetailViewModel implements Screen {

    /** A labelled value; {@code lines} holds list elements (conditions, materials…) one per line. */
    public record Row(String label, List<String> lines) {
        static Row of(String label, String value) {
            return new Row(label, List.of(value));
        }
    }

    public record Section(String title, List<Row> rows) {}

    private final ServiceItem item;
    private final Catalogue catalogue;
    private final Optional<Consumer<ServiceItem>> apply;

    public ItemDetailViewModel(ServiceItem item, Catalogue catalogue, Optional<Consumer<ServiceItem>> apply) {
        this.item = item;
        this.catalogue = catalogue;
        this.apply = apply;
    }

    /** "办理 / Apply" is offered only for items that can be handled here, on a kiosk whose devices are set up. */
    public boolean canApply() {
        return apply.isPresent() && item.kioskHandleable() && item.form() != null;
    }

    public void apply() {
        if (canApply()) {
            apply.get().accept(item);
        }
    }

    public ServiceItem item() {
        return item;
    }

    /** Where the citizen can apply: here, or the place and hours of the counter. */
    public String availability(Messages m) {
        return item.kioskHandleable() ? m.get("detail.kiosk.yes")
                : m.get("detail.kiosk.no", place(m) + " (" + hours(m) + ")");
    }

    private String place(Messages m) {
        return m.show(new Content(item.place(), item.english().place()));
    }

    private String hours(Messages m) {
        return m.show(new Content(item.hours(), item.english().hours()));
    }

    public List<Section> sections(Messages m) {
        List<Section> sections = new ArrayList<>();
        ServiceItem.English en = item.english();
        String department = catalogue.department(item.department()).map(d -> m.show(Content.name(d)))
                .orElse(item.department());
        sections.add(new Section(m.get("detail.section.basic"), List.of(
                Row.of(m.get("detail.type"), m.of("itemType", item.type())),
                Row.of(m.get("detail.department"), department),
                Row.of(m.get("detail.implementingBody"),
                        m.show(new Content(item.implementingBody().name(), en.implementingBody()))),
                Row.of(m.get("detail.serviceObjects"), item.serviceObjects().stream()
                        .map(o -> m.of("serviceObject", o)).collect(Collectors.joining(" / "))),
                Row.of(m.get("detail.result"), m.show(new Content(item.result().name(), en.result())) + " ("
                        + m.of("resultType", item.result().type()) + ")"),
                Row.of(m.get("detail.code"), item.code()),
                Row.of(m.get("detail.basicCode"), item.basicCode()))));
        sections.add(new Section(m.get("detail.section.conditions"), List.of(
                new Row(m.get("detail.section.conditions"),
                        numbered(m.show(Content.list(item.conditions(), en.conditions())))))));
        sections.add(new Section(m.get("detail.section.materials"), materials(m)));
        if (!item.process().isEmpty()) {
            sections.add(new Section(m.get("detail.section.process"), List.of(
                    new Row(m.get("detail.section.process"),
                            numbered(m.show(Content.list(item.process(), en.process())))))));
        }
        List<Row> time = new ArrayList<>(List.of(
                Row.of(m.get("detail.handlingType"), m.of("handlingType", item.handlingType())),
                Row.of(m.get("detail.legalTimeLimit"), timeLimit(m, item.legalTimeLimit())),
                Row.of(m.get("detail.promisedTimeLimit"), timeLimit(m, item.promisedTimeLimit())),
                Row.of(m.get("detail.fee"), m.show(new Content(item.fee().description(), en.fee()))),
                Row.of(m.get("detail.visits"), m.get("detail.visits.count", item.visits()))));
        if (item.fee().basis() != null) {
            time.add(Row.of(m.get("detail.feeBasis"), m.show(new Content(item.fee().basis(), en.feeBasis()))));
        }
        sections.add(new Section(m.get("detail.section.time"), time));
        List<Row> where = new ArrayList<>(List.of(
                Row.of(m.get("detail.kioskHandleable"), availability(m)),
                Row.of(m.get("detail.place"), place(m)),
                Row.of(m.get("detail.hours"), hours(m)),
                Row.of(m.get("detail.phone"), item.phone())));
        if (item.complaintPhone() != null) {
            where.add(Row.of(m.get("detail.complaintPhone"), item.complaintPhone()));
        }
        sections.add(new Section(m.get("detail.section.where"), where));
        sections.add(new Section(m.get("detail.section.basis"), List.of(
                new Row(m.get("detail.section.basis"), m.show(Content.list(item.legalBasis(), en.legalBasis()))))));
        return sections;
    }

    private List<Row> materials(Messages m) {
        if (item.materials().isEmpty()) {
            return List.of(Row.of(m.get("detail.section.materials"), m.get("detail.material.none")));
        }
        List<ServiceItem.English.MaterialText> english = item.english().materials();
        List<ServiceItem.Material> materials = item.materials();
        return IntStream.range(0, materials.size()).mapToObj(index -> {
            ServiceItem.Material material = materials.get(index);
            ServiceItem.English.MaterialText en = english.size() == materials.size() ? english.get(index)
                    : new ServiceItem.English.MaterialText(null, null, null);
            List<String> lines = new ArrayList<>();
            lines.add(String.join(" · ", m.get(material.required() ? "detail.material.required"
                            : "detail.material.optional"),
                    m.of("materialForm", material.form()), material.copies() == 0 ? m.get("detail.material.original")
                            : m.get("detail.material.copies", material.copies())));
            lines.add(m.get("detail.material.source", m.show(new Content(material.source(), en.source()))));
            if (material.notes() != null && !material.notes().isBlank()) {
                lines.add(m.show(new Content(material.notes(), en.notes())));
            }
            return new Row(m.show(new Content(material.name(), en.name())), lines);
        }).toList();
    }

    private static String timeLimit(Messages m, ServiceItem.TimeLimit limit) {
        return limit.value() == 0 ? m.get("timeLimit.immediate")
                : m.get("unit." + limit.unit().name(), limit.value());
    }

    private static List<String> numbered(List<String> lines) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            out.add((i + 1) + ". " + lines.get(i));
        }
        return out;
    }
}
