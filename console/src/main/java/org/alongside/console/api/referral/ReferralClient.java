package org.alongside.console.api.referral;

import static org.alongside.console.api.ServiceCalls.call;

import jakarta.enterprise.context.ApplicationScoped;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/** The console's one way to referral-service. */
@ApplicationScoped
public class ReferralClient {

    public static final String SERVICE = "Referrals";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ReferralApi api;

    ReferralClient(@RestClient ReferralApi api) {
        this.api = api;
    }

    /**
     * The worklist: urgent first, then the longest waiting (the service's order), a page at a time; narrowed to a
     * person by name, NHS number or birth date, as typed (the service judges each and names what it refuses).
     */
    public Referrals.Page list(Referrals.Search search, int page, int size) {
        return call(SERVICE, () -> api.list(blankToNull(search.status()), blankToNull(search.condition()),
                search.receivedFrom(), search.receivedTo(), blankToNull(search.name()),
                blankToNull(search.nhsNumber()), blankToNull(search.birthDate()),
                search.unableToContact() ? Boolean.TRUE : null, "urgency", page, size));
    }

    /** An organisation's referrals, newest first (the service limits a referrer to their own organisation). */
    public Referrals.Page newest(int page, int size) {
        return call(SERVICE, () -> api.list(null, null, null, null, null, null, null, null, "received", page, size));
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

    /** Corrects the referral with a JSON Merge Patch (the service checks the result as at intake). */
    public Referrals.Referral correct(UUID id, Map<String, Object> mergePatch) {
        String body;
        try {
            body = JSON.writeValueAsString(mergePatch);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("a merge patch of plain values always serialises", e);
        }
        return call(SERVICE, () -> api.correct(id, body));
    }

    /** The contact log, latest first: the most recent 50 attempts (a log longer than that is not read whole). */
    public Referrals.ContactAttempts contactAttempts(UUID id) {
        return call(SERVICE, () -> api.contactAttempts(id, 50));
    }

    public Referrals.ContactAttempt logContactAttempt(UUID id, Referrals.NewContactAttempt attempt) {
        return call(SERVICE, () -> api.logContactAttempt(id, attempt));
    }

    public Referrals.Referral close(UUID id, Referrals.Close close) {
        return call(SERVICE, () -> api.close(id, close));
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
