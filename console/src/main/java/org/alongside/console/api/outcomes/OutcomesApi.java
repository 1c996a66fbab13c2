package org.alongside.console.api.outcomes;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.alongside.console.api.Bearer;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** outcomes-service's dashboard API, with the token in the Authorization header only. */
@RegisterRestClient(configKey = "outcomes")
@RegisterClientHeaders(Bearer.class)
@Path("/dashboard")
interface OutcomesApi {

    @GET
    @Path("/summary")
    @Produces(MediaType.APPLICATION_JSON)
    Dashboard.Summary summary(@QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("groupBy") String groupBy);

    @GET
    @Path("/summary.csv")
    @Produces("text/csv")
    Response csv(@QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("groupBy") String groupBy);
}
