package org.alongside.referral.summary;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** outcomes-service's public API, the part a summary reads: a referral's outcomes per instrument. */
@RegisterRestClient(configKey = "summary-outcomes-service")
@Produces(MediaType.APPLICATION_JSON)
public interface OutcomesServiceApi {

    @GET
    @Path("/referrals/{referralId}/outcomes")
    JsonNode outcomes(@PathParam("referralId") UUID referralId, @HeaderParam("Authorization") String authorization);
}
