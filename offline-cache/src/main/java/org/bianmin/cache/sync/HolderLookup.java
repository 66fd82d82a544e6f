package org.bianmin.cache.sync;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.bianmin.protocol.api.ApiPaths;
import org.bianmin.protocol.api.HolderKey;
import org.bianmin.protocol.api.HolderLookupRequest;
import org.bianmin.protocol.api.SubmissionStatus;
import org.bianmin.protocol.catalogue.CatalogueReader;
import org.bianmin.protocol.json.BoundedJson;

/**
 * A card holder's applications at the portal, found by their {@link HolderKey} hash (the ID number never travels):
 * live when the portal answers, else the last answer for that holder, marked with when it was learned. The
 * portal's key is fetched once and kept in memory. Blocks for at most two request timeouts (never on the FX thread).
 */
final class HolderLookup {

    private final PortalClient client;
    private final SyncSettings settings;
    private final Clock clock;
    private final ObjectMapper json = CatalogueReader.mapper();
    /** By holder hash (a pseudonym, not the ID number); statuses only, no personal fields. */
    private final LastKnown<List<SubmissionStatus>> lastKnown = new LastKnown<>();
    private volatile HolderKey key;

    HolderLookup(PortalClient client, SyncSettings settings, Clock clock) {
        this.client = client;
        this.settings = settings;
        this.clock = clock;
    }

    /** The portal's holder key; empty while the portal cannot be asked (or has none to give). */
    Optional<HolderKey> key() {
        HolderKey known = key;
        if (known != null) {
            return Optional.of(known);
        }
        if (client.send(client.api(ApiPaths.HOLDER_KEY).GET(), settings.requestTimeout())
                instanceof PortalClient.Reply.Answered a && a.status() == 200) {
            try {
                key = BoundedJson.readValue(json, a.body(), HolderKey.class);
            } catch (IOException e) {
                return Optional.empty();
            }
        }
        return Optional.ofNullable(key);
    }

    HolderStatus lookup(String idNumber) {
        Optional<HolderKey> holderKey = key();
        if (holderKey.isEmpty()) {
            return new HolderStatus.Unavailable("the portal's holder key is not known yet");
        }
        String holder = holderKey.get().hash(idNumber);
        PortalClient.Reply reply = client.postJson(ApiPaths.SUBMISSIONS_BY_HOLDER, null,
                SubmissionPayloads.write(new HolderLookupRequest(settings.kioskId(), holder)));
        if (reply instanceof PortalClient.Reply.Answered a && a.status() == 200) {
            try {
                List<SubmissionStatus> applications = BoundedJson.readValue(json, a.body(),
                        json.getTypeFactory().constructCollectionType(List.class, SubmissionStatus.class));
                lastKnown.put(holder, applications, clock.instant());
                return new HolderStatus.Live(applications);
            } catch (IOException e) {
                return fallback(holder, "the portal's answer was unreadable");
            }
        }
        return fallback(holder, reply instanceof PortalClient.Reply.Answered a ? client.describe(a)
                : ((PortalClient.Reply.NoAnswer) reply).error());
    }

    private HolderStatus fallback(String holder, String why) {
        return lastKnown.get(holder)
                .<HolderStatus>map(known -> new HolderStatus.LastKnown(known.value(), known.learnedAt(), why))
                .orElseGet(() -> new HolderStatus.Unavailable(why));
    }
}
