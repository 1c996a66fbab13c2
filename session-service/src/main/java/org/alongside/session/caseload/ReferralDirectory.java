package org.alongside.session.caseload;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * referral-service's {@code GET /referrals?peerId=}: the people matched to a peer, with who they are and how to reach
 * them. Called with the caller's own bearer token, so referral-service applies the caller's own scope; this service
 * keeps none of it. Only the fields read here are mapped; the rest of the referral is ignored.
 */
@RegisterRestClient(configKey = "referral-service")
@Path("/referrals")
@Produces(MediaType.APPLICATION_JSON)
public interface ReferralDirectory {

    @GET
    Found byPeer(@QueryParam("peerId") UUID peerId, @QueryParam("page") int page, @QueryParam("size") int size,
            @HeaderParam("Authorization") String authorization);

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Found(List<Referral> items, long total) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Referral(UUID id, Person person) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Person(String givenName, String familyName, String phone, String email, String preferredContact) {
    }
}
