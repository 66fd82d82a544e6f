package org.bianmin.protocol.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
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

    /** The sample speaks English wherever a citizen reads it: tiles, hall, every item's texts, every form field. */
    @Test
    void sampleCarriesEnglishForEveryTextACitizenReads() {
        Catalogue c = reader.readSample();
        assertThat(c.hall().en()).isNotNull().satisfies(en -> assertThat(en.name()).isNotBlank());
        assertThat(c.departments()).allSatisfy(d -> assertThat(d.en()).as(d.code()).isNotNull()
                .satisfies(en -> assertThat(List.of(en.name(), en.shortName())).doesNotContainNull()));
        assertThat(c.topics()).allSatisfy(t -> assertThat(t.en()).as(t.code()).isNotNull());
        assertThat(c.items()).allSatisfy(item -> {
            ServiceItem.English en = item.en();
            assertThat(en).as(item.name()).isNotNull();
            assertThat(java.util.Arrays.asList(en.name(), en.implementingBody(), en.result(), en.fee(), en.place(),
                    en.hours())).as(item.name()).doesNotContainNull();
            assertThat(en.feeBasis() == null).as(item.name() + " fee basis").isEqualTo(item.fee().basis() == null);
            assertThat(en.conditions()).as(item.name()).hasSameSizeAs(item.conditions());
            assertThat(en.process()).as(item.name()).hasSameSizeAs(item.process());
            assertThat(en.materials()).as(item.name()).hasSameSizeAs(item.materials());
            assertThat(en.legalBasis()).as(item.name()).hasSameSizeAs(item.legalBasis());
            item.formDefinition().ifPresent(form -> assertThat(form.fields()).allSatisfy(f -> {
                assertThat(f.en()).as(item.name() + " " + f.key()).isNotNull();
                assertThat(f.en().label()).isNotBlank();
                assertThat(f.en().hint() == null).as(f.key() + " hint").isEqualTo(f.hint() == null);
                assertThat(f.en().options()).as(f.key()).hasSameSizeAs(f.options());
            }));
        });
    }

    /** A catalogue written before {@code en} existed reads as before, with no English anywhere. */
    @Test
    void aCatalogueWithoutEnglishIsStillValid() throws Exception {
        Catalogue plain = parseModified(CatalogueReaderTest::dropEnglish);
        assertThat(plain.items()).allSatisfy(i -> assertThat(i.en()).isNull());
        assertThat(plain.items()).allSatisfy(i -> assertThat(i.english()).isEqualTo(ServiceItem.English.NONE));
        assertThat(plain.departments()).allSatisfy(d -> assertThat(d.en()).isNull());
        assertThat(plain.hall().en()).isNull();
    }

    @Test
    void englishListsMustMatchTheChinese() {
        Catalogue sample = reader.readSample();
        int index = sample.items().indexOf(sample.items().stream().filter(i -> i.name().equals("社会保障卡挂失"))
                .findFirst().orElseThrow());
        String code = sample.items().get(index).code();
        assertThatThrownBy(() -> parseModified(root -> ((ArrayNode) item(root, index).at("/form/fields/3/en/options"))
                .remove(0)))
                .hasMessageContaining("item " + code + " field 'form.fields.lossType.en.options': 1 English entries "
                        + "for 2 Chinese ones");
        assertThatThrownBy(() -> parseModified(root -> ((ArrayNode) item(root, index).at("/en/conditions")).add("x")))
                .hasMessageContaining("item " + code + " field 'en.conditions'");
        assertThatThrownBy(() -> parseModified(root -> ((ObjectNode) item(root, index).get("en")).put("colour", "x")))
                .hasMessageContaining("item " + code);
    }

    private static void dropEnglish(com.fasterxml.jackson.databind.JsonNode node) {
        if (node instanceof ObjectNode object) {
            object.remove("en");
        }
        node.forEach(CatalogueReaderTest::dropEnglish);
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
