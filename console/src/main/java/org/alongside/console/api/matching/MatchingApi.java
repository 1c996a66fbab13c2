package org.alongside.console.api.matching;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.alongside.console.api.Bearer;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** matching-service's public REST API, as much of it as the console uses. Only {@link MatchingClient} calls it. */
@RegisterRestClient(configKey = "matching")
@RegisterClientHeaders(Bearer.class)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Path("/")
interface MatchingApi {

    @GET
    @Path("referrals/{referralId}/proposals")
    Matching.ReferralProposals proposals(@PathParam("referralId") UUID referralId);

    @POST
    @Path("proposals/{id}/accept")
    Matching.Proposal accept(@PathParam("id") UUID id);

    @POST
    @Path("proposals/{id}/decline")
    Matching.Proposal decline(@PathParam("id") UUID id, Matching.ProposalDecline decline);

    @GET
    @Path("waiting")
    Matching.WaitingList waiting(@QueryParam("page") int page, @QueryParam("size") int size);

    @POST
    @Path("assignment-runs")
    Matching.AssignmentRun runAssignment();

    @GET
    @Path("assignment-runs/{id}")
    Matching.AssignmentRun assignmentRun(@PathParam("id") UUID id);

    @GET
    @Path("peers")
    Matching.PeerList peers(@QueryParam("status") String status, @QueryParam("page") int page,
            @QueryParam("size") int size);

    @GET
    @Path("peers/{id}")
    Matching.Peer peer(@PathParam("id") UUID id);

    /** A JSON Merge Patch (RFC 7396) of the profile, sent as the text the console wrote. */
    @PATCH
    @Path("peers/{id}")
    @Consumes("application/merge-patch+json")
    Matching.Peer change(@PathParam("id") UUID id, String mergePatch);

    @GET
    @Path("peers/{id}/people")
    Matching.CurrentPeople people(@PathParam("id") UUID id, @QueryParam("size") int size);

    @GET
    @Path("referrals/{referralId}/matches")
    Matching.Matches matches(@PathParam("referralId") UUID referralId, @QueryParam("size") int size);

    @POST
    @Path("referrals/{referralId}/transfer")
    Matching.ReferralProposals transfer(@PathParam("referralId") UUID referralId, Matching.Transfer transfer);
}
