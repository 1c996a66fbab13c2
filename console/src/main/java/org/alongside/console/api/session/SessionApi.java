package org.alongside.console.api.session;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;
import org.alongside.console.api.Bearer;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** session-service's public REST API, as much of it as the console uses. Only {@link SessionClient} calls it. */
@RegisterRestClient(configKey = "session")
@RegisterClientHeaders(Bearer.class)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Path("/")
interface SessionApi {

    @GET
    @Path("caseload")
    Sessions.Caseload caseload();

    @GET
    @Path("caseload/summaries")
    Sessions.Listed<Sessions.CaseloadSummary> caseloadSummaries(@QueryParam("size") int size);

    @GET
    @Path("sessions")
    Sessions.Listed<Sessions.Session> sessions(@QueryParam("referralId") UUID referralId, @QueryParam("size") int size);

    @POST
    @Path("sessions")
    Sessions.Session record(Sessions.NewSession session);

    @GET
    @Path("referrals/{referralId}/goals")
    Sessions.Listed<Sessions.Goal> goals(@PathParam("referralId") UUID referralId, @QueryParam("size") int size);

    @POST
    @Path("referrals/{referralId}/goals")
    Sessions.Goal addGoal(@PathParam("referralId") UUID referralId, Sessions.NewGoal goal);

    @GET
    @Path("referrals/{referralId}/signposting")
    Sessions.Listed<Sessions.Signpost> signposting(@PathParam("referralId") UUID referralId,
            @QueryParam("size") int size);

    @GET
    @Path("safeguarding/concerns")
    Sessions.Listed<Sessions.Concern> concerns(@QueryParam("status") List<String> status,
            @QueryParam("referralId") UUID referralId, @QueryParam("size") int size);

    @POST
    @Path("safeguarding/concerns")
    Sessions.Concern raise(Sessions.NewConcern concern);

    @POST
    @Path("safeguarding/concerns/{id}/acknowledge")
    Sessions.Concern acknowledge(@PathParam("id") UUID id);

    @POST
    @Path("safeguarding/concerns/{id}/close")
    Sessions.Concern close(@PathParam("id") UUID id, Sessions.Closure closure);

    @GET
    @Path("safeguarding/worklist")
    Sessions.Listed<Sessions.WorkItem> worklist(@QueryParam("size") int size);

    @POST
    @Path("safeguarding/risk-flags/{id}/acknowledge")
    Sessions.WorkItem acknowledgeRiskFlag(@PathParam("id") UUID id);

    @POST
    @Path("safeguarding/risk-flags/{id}/close")
    Sessions.WorkItem closeRiskFlag(@PathParam("id") UUID id, Sessions.Closure closure);

    @GET
    @Path("alerts")
    Sessions.Listed<Sessions.Alert> alerts(@QueryParam("size") int size);

    @POST
    @Path("alerts/{id}/acknowledge")
    Sessions.Alert acknowledgeAlert(@PathParam("id") UUID id);

    @GET
    @Path("groups")
    Sessions.Listed<Sessions.Group> groups(@QueryParam("size") int size);

    @GET
    @Path("groups/{id}")
    Sessions.Group group(@PathParam("id") UUID id);

    @GET
    @Path("groups/{id}/meetings")
    Sessions.Listed<Sessions.Meeting> meetings(@PathParam("id") UUID id, @QueryParam("size") int size);

    @POST
    @Path("groups/{id}/meetings")
    Sessions.Meeting recordMeeting(@PathParam("id") UUID id, Sessions.NewMeeting meeting);

    @GET
    @Path("supervision/overdue")
    Sessions.Listed<Sessions.OverdueSupervision> overdueSupervision(@QueryParam("size") int size);

    @GET
    @Path("peers/{peerId}/supervision")
    Sessions.Listed<Sessions.Supervision> supervision(@PathParam("peerId") UUID peerId,
            @QueryParam("size") int size);

    @POST
    @Path("peers/{peerId}/supervision")
    Sessions.Supervision recordSupervision(@PathParam("peerId") UUID peerId, Sessions.NewSupervision supervision);
}
