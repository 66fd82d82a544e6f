package org.bianmin.kiosk.journey;

import java.util.Optional;
import org.bianmin.device.idcard.IdentityCard;
import org.bianmin.protocol.catalogue.FormDefinition.Prefill;

/** Reads a form field's value off the identity card; empty when this card type does not carry it. */
final class Prefills {

    private Prefills() {}

    static Optional<String> value(IdentityCard card, Prefill prefill) {
        return switch (prefill) {
            case NAME -> Optional.of(card.name());
            case GENDER -> Optional.of(card.gender().label());
            case BIRTH_DATE -> Optional.ofNullable(card.birthDate()).map(Object::toString);
            case ID_NUMBER -> Optional.of(card.idNumber());
            case VALID_UNTIL -> Optional.of(card.validUntil().map(Object::toString).orElse("长期"));
            case NATION -> card instanceof IdentityCard.Resident r ? Optional.of(r.nation()) : Optional.empty();
            case ADDRESS -> switch (card) {
                case IdentityCard.Resident r -> Optional.of(r.address());
                case IdentityCard.HmtResidence h -> Optional.of(h.address());
                case IdentityCard.ForeignPermanent f -> Optional.empty();
            };
            case ISSUER -> switch (card) {
                case IdentityCard.Resident r -> Optional.of(r.issuer());
                case IdentityCard.HmtResidence h -> Optional.of(h.issuer());
                case IdentityCard.ForeignPermanent f -> Optional.empty();
            };
        };
    }
}
