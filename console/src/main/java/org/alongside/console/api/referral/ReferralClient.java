package org.alongside.console.api.referral;

import static org.alongside.console.api.ServiceCalls.call;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/** The console's one way to referral-service. */
@ApplicationScoped
public class ReferralClient {

    public static final String SERVICE = "Referrals";

    private final ReferralApi api;

    ReferralClient(@RestClient ReferralApi api) {
        this.api = api;
    }

    /** The worklist: urgent first, then the longest waiting (the service's order), a page at a time. */
    public Referrals.Page list(String status, String condition, LocalDate receivedFrom, LocalDate receivedTo,
            int page, int size) {
        return call(SERVICE, () -> api.list(blankToNull(status), blankToNull(condition), receivedFrom, receivedTo,
                "urgency", page, size));
    }

    /** An organisation's referrals, newest first (the service limits a referrer to their own organisation). */
    public Referrals.Page newest(int page, int size) {
        return call(SERVICE, () -> api.list(null, null, null, null, "received", page, size));
    }

    public Referrals.Referral get(UUID id) {
        return call(SERVICE, () -> api.get(id));
    }

    public List<Referrals.HistoryEntry> history(UUID id) {
        // a referral's history is short: its first page (up to 500 steps) is all of it
        return call(SERVICE, () -> api.history(id, 500).items());
    }

    public Referrals.Referral create(Referrals.NewReferral referral, String idempotencyKey) {
        return call(SERVICE, () -> api.create(referral, idempotencyKey));
    }

    public Referrals.Referral accept(UUID id) {
        return call(SERVICE, () -> api.accept(id));
    }

    public Referrals.Referral decline(UUID id, Referrals.Decline decline) {
        return call(SERVICE, () -> api.decline(id, decline));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
