package org.alongside.session.caseload;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

/**
 * Who the people on a caseload are, asked of referral-service (the only service that holds identity) with the
 * caller's own token, each time: nothing is stored here. When referral-service does not answer, the caseload goes
 * on without names.
 */
@ApplicationScoped
public class People {

    private static final Logger LOG = Logger.getLogger(People.class);
    /** A peer's caseload is their capacity, far below one page of this size. */
    private static final int PAGE_SIZE = 200;

    private final ReferralDirectory directory;
    private final JsonWebToken token;

    People(@RestClient ReferralDirectory directory, JsonWebToken token) {
        this.directory = directory;
        this.token = token;
    }

    /** The people matched to the peer, by referral id; empty when referral-service could not be asked. */
    public Optional<Map<UUID, ReferralDirectory.Person>> ofPeer(UUID peerId) {
        String raw = token == null ? null : token.getRawToken();
        if (raw == null) {
            return Optional.empty();
        }
        Map<UUID, ReferralDirectory.Person> people = new HashMap<>();
        try {
            int page = 0;
            ReferralDirectory.Found found;
            do {
                found = directory.byPeer(peerId, page++, PAGE_SIZE, "Bearer " + raw);
                for (ReferralDirectory.Referral referral : found.items() == null
                        ? java.util.List.<ReferralDirectory.Referral>of() : found.items()) {
                    if (referral.id() != null && referral.person() != null) {
                        people.put(referral.id(), referral.person());
                    }
                }
            } while (found.items() != null && !found.items().isEmpty() && (long) page * PAGE_SIZE < found.total());
        } catch (RuntimeException e) {
            LOG.warnf("Caseload of peer %s without names: referral-service did not answer (%s)", peerId,
                    e.toString());
            return Optional.empty();
        }
        return Optional.of(people);
    }
}
