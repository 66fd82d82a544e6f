package org.bianmin.kiosk.journey;

import java.util.Optional;
import org.bianmin.device.idcard.CardBlob;
import org.bianmin.device.idcard.Gender;
import org.bianmin.device.idcard.IdNumbers;
import org.bianmin.device.idcard.IdentityCard;
import org.bianmin.device.idcard.Nations;
import org.bianmin.protocol.api.EidIdentity;

/**
 * The identity an e-ID code stands for, as the resident ID card it was issued against: the rest of the journey
 * (prefills, checks, receipt) treats both proofs alike. There is no chip, so no photo or fingerprint.
 */
public final class EidCards {

    private EidCards() {}

    public static IdentityCard card(EidIdentity identity) {
        return new IdentityCard.Resident(identity.name(), Gender.valueOf(identity.gender().name()),
                Nations.code(identity.nation()).orElse(""), identity.nation(), identity.birthDate(),
                identity.address(), identity.idNumber(), IdNumbers.check(identity.idNumber()), identity.issuer(),
                identity.validFrom(), Optional.ofNullable(identity.validUntil()), new CardBlob(new byte[0]),
                Optional.empty());
    }

    /** The other way, for the demo's test codes: what the platform would vouch for this card's holder. */
    public static EidIdentity identity(IdentityCard.Resident card) {
        return new EidIdentity(card.name(), EidIdentity.Gender.valueOf(card.gender().name()), card.nation(),
                card.birthDate(), card.address(), card.idNumber(), card.issuer(), card.validFrom(),
                card.validUntil().orElse(null));
    }
}
