package org.alongside.referral.summary;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * session-service's public API, the parts a summary reads: a referral's sessions, goals and signposting. A REST
 * client built for the configured base URL by {@link SupportRecord}; not an endpoint of referral-service. Each list
 * answers a Page; page and size are sent only to follow one past its first page.
 */
@RegisterRestClient(configKey = "summary-session-service")
@Produces(MediaType.APPLICATION_JSON)
public interface SessionServiceApi {

    @GET
    @Path("/sessions")
    JsonNode sessions(@QueryParam("referralId") UUID referralId, @QueryParam("page") Integer page,
            @QueryParam("size") Integer size, @HeaderParam("Authorization") String authorization);

    @GET
    @Path("/referrals/{referralId}/goals")
    JsonNode goals(@PathParam("referralId") UUID referralId, @QueryParam("page") Integer page,
            @QueryParam("size") Integer size, @HeaderParam("Authorization") String authorization);

    @GET
    @Path("/referrals/{referralId}/signposting")
    JsonNode signposting(@PathParam("referralId") UUID referralId, @QueryParam("page") Integer page,
            @QueryParam("size") Integer size, @HeaderParam("Authorization") String authorization);
}
