package org.bianmin.protocol.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class CatalogueReaderTest {

    private final CatalogueReader reader = new CatalogueReader();

    @Test
    void bundledSampleIsARealCatalogue() {
        Catalogue c = reader.readSample();
        assertThat(c.format()).isEqualTo(Catalogue.FORMAT);
        assertThat(c.items()).hasSizeGreaterThanOrEqualTo(40);
        assertThat(c.departments()).hasSizeGreaterThanOrEqualTo(8);
        assertThat(c.departments()).allSatisfy(d -> assertThat(c.itemsOf(d)).isNotEmpty());
        assertThat(c.items()).filteredOn(ServiceItem::kioskHandleable).isNotEmpty()
                .allSatisfy(i -> assertThat(i.form()).as(i.name()).isNotNull());
        assertThat(c.items()).filteredOn(ServiceItem::kioskHandleable)
                .allSatisfy(i -> assertThat(i.form().fields()).anyMatch(FormDefinition.Field::prefilled));
        assertThat(c.items()).extracting(ServiceItem::handlingType)
                .contains(ServiceItem.HandlingType.IMMEDIATE, ServiceItem.HandlingType.PROMISED);
    }

    @Test
    void aWrongTypeNamesTheItemAndField() throws Exception {
        String code = reader.readSample().items().get(2).code();
        assertThatThrownBy(() -> parseModified(root -> item(root, 2).put("visits", "twice")))
                .isInstanceOf(CatalogueException.class)
                .hasMessageContaining("item " + code + " field 'visits'");
    }

    @Test
    void aMissingFieldNamesTheItemAndField() {
        String code = reader.readSample().items().get(0).code();
        assertThatThrownBy(() -> parseModified(root -> item(root, 0).remove("legalBasis")))
                .isInstanceOf(CatalogueException.class)
                .hasMessageContaining("item " + code)
                .hasMessageContaining("legalBasis");
    }

    @Test
    void semanticErrorsNameTheItemAndField() {
        String code = reader.readSample().items().get(1).code();
        assertThatThrownBy(() -> parseModified(root -> item(root, 1).put("department", "nowhere")))
                .isInstanceOf(CatalogueException.class)
                .hasMessageContaining("item " + code + " field 'department': unknown department nowhere");
        assertThatThrownBy(() -> parseModified(root -> item(root, 3).put("code", item(root, 4).get("code").asText())))
                .hasMessageContaining("duplicate item code");
    }

    @Test
    void kioskItemsNeedAForm() {
        Catalogue sample = reader.readSample();
        int index = sample.items().indexOf(sample.items().stream().filter(ServiceItem::kioskHandleable)
                .findFirst().orElseThrow());
        assertThatThrownBy(() -> parseModified(root -> item(root, index).remove("form")))
                .hasMessageContaining("field 'form': a kiosk-handleable item needs a form definition");
    }

    @Test
    void garbageIsRejectedWithAReason() {
        assertThatThrownBy(() -> reader.parse("{\"format\":".getBytes(StandardCharsets.UTF_8), "t"))
                .isInstanceOf(CatalogueException.class).hasMessageContaining("not valid JSON");
        assertThatThrownBy(() -> reader.parse("[1,2]".getBytes(StandardCharsets.UTF_8), "t"))
                .isInstanceOf(CatalogueException.class).hasMessageContaining("not a JSON object");
    }

    @Test
    void roundTripsThroughJson() throws Exception {
        Catalogue sample = reader.readSample();
        byte[] json = CatalogueReader.mapper().writeValueAsBytes(sample);
        assertThat(reader.parse(json, "round trip")).isEqualTo(sample);
    }

    private Catalogue parseModified(Consumer<ObjectNode> change) throws Exception {
        var mapper = CatalogueReader.mapper();
        byte[] json = mapper.writeValueAsBytes(reader.readSample());
        ObjectNode root = (ObjectNode) mapper.readTree(json);
        change.accept(root);
        return reader.parse(mapper.writeValueAsBytes(root), "modified sample");
    }

    private static ObjectNode item(ObjectNode root, int index) {
        return (ObjectNode) ((ArrayNode) root.get("items")).get(index);
    }
}
