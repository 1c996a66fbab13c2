package org.alongside.referral.rights;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * Another service's part of a subject access export: {@code GET /referrals/{referralId}/subject-access}. A REST client,
 * built for each service's base URL by {@link SubjectAccessExport}; not an endpoint of referral-service.
 */
@RegisterRestClient(configKey = "subject-access-part")
@Path("/referrals/{referralId}/subject-access")
public interface SubjectAccessPart {

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    JsonNode export(@PathParam("referralId") UUID referralId, @HeaderParam("Authorization") String authorization);
}
