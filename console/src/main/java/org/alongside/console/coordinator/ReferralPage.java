package org.alongside.console.coordinator;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.alongside.console.api.ServiceRefused;
import org.alongside.console.api.matching.Matching;
import org.alongside.console.api.matching.MatchingClient;
import org.alongside.console.api.referral.ReferralClient;
import org.alongside.console.api.referral.Referrals;
import org.alongside.console.api.session.SessionClient;
import org.alongside.console.api.session.Sessions;
import org.alongside.console.signin.Role;
import org.alongside.console.web.Form;
import org.alongside.console.web.Part;

/**
 * A referral as a coordinator works on it: the person, their conditions, the reason in their own words, what they want
 * from peer support, preferences, history and a possible duplicate; triage; then the proposals with their reasons and
 * the person's choice. Each action posts, then comes back here (post/redirect/get).
 */
@Path("/coordinator/referrals/{id}")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Role.COORDINATOR_GROUP)
public class ReferralPage {

    private static final Map<String, String> NOTICES = Map.of(
            "accepted", "Referral accepted. Matching is proposing peers.",
            "declined", "Referral declined.",
            "proposal-accepted", "Peer chosen. The referral becomes matched as soon as every service has heard.",
            "proposal-declined", "Proposal declined. The next proposal, if any, is shown.");

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance referral(Referrals.Referral referral, Part<List<Referrals.HistoryEntry>> history,
                Part<Optional<Matching.ReferralProposals>> matching, Part<List<Sessions.Session>> sessions,
                String notice, Form declineForm, Form proposalForm, List<String> declineReasons,
                List<String> proposalDeclineReasons);

        static native TemplateInstance status(Referrals.Referral referral, Part<Optional<Matching.ReferralProposals>> matching);
    }

    private final ReferralClient referrals;
    private final MatchingClient matching;
    private final SessionClient sessions;

    ReferralPage(ReferralClient referrals, MatchingClient matching, SessionClient sessions) {
        this.referrals = referrals;
        this.matching = matching;
        this.sessions = sessions;
    }

    @GET
    public TemplateInstance page(@PathParam("id") UUID id, @QueryParam("done") String done) {
        return render(id, done == null ? null : NOTICES.get(done), Form.empty(), Form.empty());
    }

    /** The status and proposals panel alone, for htmx to refresh while matching works. */
    @GET
    @Path("status")
    public TemplateInstance status(@PathParam("id") UUID id) {
        Referrals.Referral referral = referrals.get(id);
        return Templates.status(referral, Part.of(() -> matching.proposals(id)));
    }

    @POST
    @Path("accept")
    public Response accept(@PathParam("id") UUID id) {
        referrals.accept(id);
        return back(id, "accepted");
    }

    @POST
    @Path("decline")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response decline(@PathParam("id") UUID id, MultivaluedMap<String, String> fields) {
        Form form = Form.of(fields);
        try {
            referrals.decline(id, new Referrals.Decline(blank(form.value("reason")), blank(form.value("note"))));
            return back(id, "declined");
        } catch (ServiceRefused e) {
            if (!e.isInvalidInput()) {
                throw e;
            }
            return Response.status(400).entity(render(id, null, form.rejected(e.problem()), Form.empty())).build();
        }
    }

    @POST
    @Path("proposals/{proposalId}/accept")
    public Response acceptProposal(@PathParam("id") UUID id, @PathParam("proposalId") UUID proposalId) {
        matching.accept(proposalId);
        return back(id, "proposal-accepted");
    }

    @POST
    @Path("proposals/{proposalId}/decline")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response declineProposal(@PathParam("id") UUID id, @PathParam("proposalId") UUID proposalId,
            MultivaluedMap<String, String> fields) {
        Form form = Form.of(fields).with("proposalId", proposalId.toString());
        try {
            matching.decline(proposalId, new Matching.ProposalDecline(blank(form.value("reason")),
                    blank(form.value("note"))));
            return back(id, "proposal-declined");
        } catch (ServiceRefused e) {
            if (!e.isInvalidInput()) {
                throw e;
            }
            return Response.status(400).entity(render(id, null, Form.empty(), form.rejected(e.problem()))).build();
        }
    }

    private TemplateInstance render(UUID id, String notice, Form declineForm, Form proposalForm) {
        Referrals.Referral referral = referrals.get(id);
        return Templates.referral(referral, Part.of(() -> referrals.history(id)),
                Part.of(() -> matching.proposals(id)), Part.of(() -> sessionsOf(referral)), notice, declineForm,
                proposalForm, Referrals.DECLINE_REASONS, Matching.DECLINE_REASONS);
    }

    private List<Sessions.Session> sessionsOf(Referrals.Referral referral) {
        if (referral.matchedPeerId() == null) {
            return List.of();
        }
        try {
            return sessions.sessions(referral.id());
        } catch (ServiceRefused e) {
            if (e.status() == 404) {
                return List.of();
            }
            throw e;
        }
    }

    private static Response back(UUID id, String done) {
        return Response.seeOther(URI.create("/coordinator/referrals/" + id + "?done=" + done)).build();
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
