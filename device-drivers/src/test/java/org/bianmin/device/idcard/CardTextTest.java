package org.bianmin.device.idcard;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

class CardTextTest {

    static final java.util.List<String> SAMPLES = CardFiles.SAMPLES;

    @ParameterizedTest
    @FieldSource("SAMPLES")
    void everySampleSurvivesEncodeAndParseWithAValidCheckOrNone(String sample) throws Exception {
        IdentityCard card = CardFiles.sample(sample);
        IdentityCard parsed = parsed(CardText.encode(card));
        assertThat(parsed).usingRecursiveComparison().ignoringFields("photo", "fingerprint").isEqualTo(card);
        assertThat(parsed.idNumberCheck()).isIn(IdNumbers.Check.VALID, IdNumbers.Check.NOT_APPLICABLE);
    }

    @Test
    void residentFieldsAreDecodedFromUcs2() throws Exception {
        IdentityCard.Resident r = (IdentityCard.Resident) parsed(CardText.encode(CardFiles.sample("resident.json")));
        assertThat(r.name()).isEqualTo("测试样卡");
        assertThat(r.gender()).isEqualTo(Gender.MALE);
        assertThat(r.nationCode()).isEqualTo("01");
        assertThat(r.nation()).isEqualTo("汉");
        assertThat(r.birthDate()).isEqualTo(LocalDate.of(1990, 3, 7));
        assertThat(r.idNumberCheck()).isEqualTo(IdNumbers.Check.VALID);
        assertThat(r.validUntil()).contains(LocalDate.of(2035, 6, 1));
        assertThat(r.toString()).contains("110105********1239").doesNotContain("测试样卡");
    }

    @Test
    void longTermValidityIsOpenEnded() throws Exception {
        IdentityCard card = parsed(CardText.encode(CardFiles.sample("resident-long-term.json")));
        assertThat(card.validUntil()).isEmpty();
        assertThat(((IdentityCard.Resident) card).nation()).isEqualTo("畲");
    }

    @Test
    void typeSpecificFieldsOfHmtAndForeignCards() throws Exception {
        IdentityCard.HmtResidence h = (IdentityCard.HmtResidence) parsed(
                CardText.encode(CardFiles.sample("hmt-residence.json")));
        assertThat(h.passNumber()).isEqualTo("H12345678");
        assertThat(h.issueCount()).isEqualTo(1);
        IdentityCard.ForeignPermanent f = (IdentityCard.ForeignPermanent) parsed(
                CardText.encode(CardFiles.sample("foreign-permanent.json")));
        assertThat(f.nationality()).isEqualTo("CAN");
        assertThat(f.name()).isEqualTo("样例");
        assertThat(f.englishName()).isEqualTo("SAMPLE, ALEX JORDAN");
        assertThat(f.idNumberCheck()).isEqualTo(IdNumbers.Check.NOT_APPLICABLE);
    }

    @Test
    void aWrongCheckCharacterIsFlaggedNotRejected() throws Exception {
        byte[] text = CardText.encode(CardFiles.sample("resident.json"));
        put(text, CardText.ID.offset() + 34, "8");
        assertThat(parsed(text).idNumberCheck()).isEqualTo(IdNumbers.Check.MISMATCH);
    }

    @Test
    void malformedBlocksAreRejectedByField() throws Exception {
        byte[] good = CardText.encode(CardFiles.sample("resident.json"));
        assertThat(CardText.parse(new byte[10], blob(), Optional.empty()))
                .isInstanceOfSatisfying(CardText.Parse.Rejected.class,
                        r -> assertThat(r.reason()).isEqualTo(CardText.Reason.WRONG_LENGTH));
        assertRejected(with(good, CardText.TYPE_FLAG.offset(), "Z"), CardText.Reason.UNKNOWN_CARD_TYPE, "cardType");
        assertRejected(with(good, CardText.GENDER.offset(), "7"), CardText.Reason.BAD_FIELD, "gender");
        assertRejected(with(good, CardText.NATION.offset(), "77"), CardText.Reason.BAD_FIELD, "nation");
        assertRejected(with(good, CardText.BIRTH.offset(), "19901399"), CardText.Reason.BAD_FIELD, "birthDate");
        byte[] surrogate = good.clone();
        surrogate[0] = 0x00;
        surrogate[1] = (byte) 0xD8;
        assertRejected(surrogate, CardText.Reason.BAD_ENCODING, "name");
    }

    private static void assertRejected(byte[] text, CardText.Reason reason, String field) {
        assertThat(CardText.parse(text, blob(), Optional.empty()))
                .isInstanceOfSatisfying(CardText.Parse.Rejected.class, r -> {
                    assertThat(r.reason()).isEqualTo(reason);
                    assertThat(r.field()).isEqualTo(field);
                });
    }

    private static byte[] with(byte[] text, int offset, String value) {
        byte[] copy = text.clone();
        put(copy, offset, value);
        return copy;
    }

    private static void put(byte[] text, int offset, String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_16LE);
        System.arraycopy(bytes, 0, text, offset, bytes.length);
    }

    private static CardBlob blob() {
        return new CardBlob(new byte[1024]);
    }

    private static IdentityCard parsed(byte[] text) {
        CardText.Parse parse = CardText.parse(text, blob(), Optional.empty());
        assertThat(parse).isInstanceOf(CardText.Parse.Parsed.class);
        return ((CardText.Parse.Parsed) parse).card();
    }
}
