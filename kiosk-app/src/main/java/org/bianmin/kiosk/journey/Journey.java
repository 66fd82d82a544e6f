package org.bianmin.kiosk.journey;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.bianmin.cache.outbox.Accepted;
import org.bianmin.device.idcard.IdentityCard;
import org.bianmin.protocol.api.SubmissionStatus;
import org.bianmin.protocol.catalogue.ServiceItem;

/**
 * One application in progress: the item, who applies (the card read), what they entered, their consent and,
 * once stored, the receipt number. Everything personal here is dropped by {@link #wipe()} when the session ends.
 */
public final class Journey {

    /** How the applicant proved who they are: with the card on the reader, or with an e-ID code. */
    public enum Proof { CARD, EID }

    private final ServiceItem item;
    private IdentityCard card;
    private Proof proof;
    private final Map<String, String> values = new LinkedHashMap<>();
    private boolean consented;
    private Accepted accepted;
    private SubmissionStatus portalStatus;

    public Journey(ServiceItem item) {
        this.item = item;
    }

    public ServiceItem item() {
        return item;
    }

    public Optional<IdentityCard> card() {
        return Optional.ofNullable(card);
    }

    void identify(IdentityCard card, Proof proof) {
        if (this.card != null) {
            this.card.clear();
        }
        this.card = card;
        this.proof = proof;
    }

    /** Empty before identification. */
    public Optional<Proof> proof() {
        return Optional.ofNullable(proof);
    }

    /** Form values by field key, as entered or prefilled (unmasked: only the outbox, encrypted, keeps them). */
    public Map<String, String> values() {
        return values;
    }

    public boolean consented() {
        return consented;
    }

    void consent() {
        consented = true;
    }

    public Optional<Accepted> accepted() {
        return Optional.ofNullable(accepted);
    }

    void accepted(Accepted accepted) {
        this.accepted = accepted;
    }

    /** How the portal holds the application right after submit; empty when it could not be reached. */
    public Optional<SubmissionStatus> portalStatus() {
        return Optional.ofNullable(portalStatus);
    }

    void portalStatus(SubmissionStatus status) {
        portalStatus = status;
    }

    /** Forgets everything personal; the card's photo and fingerprint bytes are overwritten. */
    public void wipe() {
        if (card != null) {
            card.clear();
        }
        card = null;
        proof = null;
        values.clear();
        consented = false;
        accepted = null;
        portalStatus = null;
    }

    /** True once nothing personal is held (what the idle-wipe test checks). */
    public boolean isWiped() {
        return card == null && values.isEmpty() && accepted == null;
    }
}
