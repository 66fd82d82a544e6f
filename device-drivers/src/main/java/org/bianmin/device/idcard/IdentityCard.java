package org.bianmin.device.idcard;

import java.time.LocalDate;
import java.util.Optional;

/**
 * What a card holds, one record per card type. Personal data: {@code toString()} shows only the card type and
 * the masked ID number; {@link #clear()} wipes the photo and fingerprint bytes (Java strings cannot be wiped, so
 * drop the record once the session ends).
 */
public sealed interface IdentityCard
        permits IdentityCard.Resident, IdentityCard.ForeignPermanent, IdentityCard.HmtResidence {

    CardType cardType();

    /** The name to show: the Chinese name, or the English one on a foreign card without a Chinese name. */
    String name();

    Gender gender();

    LocalDate birthDate();

    /** The ID number (citizen number, or the foreign card number). */
    String idNumber();

    IdNumbers.Check idNumberCheck();

    LocalDate validFrom();

    /** Empty for cards valid for life (长期). */
    Optional<LocalDate> validUntil();

    CardBlob photo();

    /** Fingerprint templates, when read with the fingerprint command and present on the card. */
    Optional<CardBlob> fingerprint();

    default void clear() {
        photo().clear();
        fingerprint().ifPresent(CardBlob::clear);
    }

    /** 居民身份证. */
    record Resident(String name, Gender gender, String nationCode, String nation, LocalDate birthDate,
                    String address, String idNumber, IdNumbers.Check idNumberCheck, String issuer,
                    LocalDate validFrom, Optional<LocalDate> validUntil, CardBlob photo,
                    Optional<CardBlob> fingerprint) implements IdentityCard {
        @Override
        public CardType cardType() {
            return CardType.RESIDENT;
        }

        @Override
        public String toString() {
            return "Resident[" + IdNumbers.mask(idNumber) + ", " + idNumberCheck + "]";
        }
    }

    /** 港澳台居民居住证. */
    record HmtResidence(String name, Gender gender, LocalDate birthDate, String address, String idNumber,
                        IdNumbers.Check idNumberCheck, String issuer, LocalDate validFrom,
                        Optional<LocalDate> validUntil, String passNumber, int issueCount, CardBlob photo,
                        Optional<CardBlob> fingerprint) implements IdentityCard {
        @Override
        public CardType cardType() {
            return CardType.HMT_RESIDENCE;
        }

        @Override
        public String toString() {
            return "HmtResidence[" + IdNumbers.mask(idNumber) + ", " + idNumberCheck + "]";
        }
    }

    /** 外国人永久居留身份证. {@code nationality} is the ISO 3166 alpha-3 code the card stores. */
    record ForeignPermanent(String englishName, String chineseName, Gender gender, String idNumber,
                            IdNumbers.Check idNumberCheck, String nationality, LocalDate birthDate,
                            LocalDate validFrom, Optional<LocalDate> validUntil, String cardVersion,
                            String issuerCode, CardBlob photo, Optional<CardBlob> fingerprint)
            implements IdentityCard {
        @Override
        public CardType cardType() {
            return CardType.FOREIGN_PERMANENT;
        }

        @Override
        public String name() {
            return chineseName.isEmpty() ? englishName : chineseName;
        }

        @Override
        public String toString() {
            return "ForeignPermanent[" + IdNumbers.mask(idNumber) + ", " + idNumberCheck + "]";
        }
    }
}
