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
import java.time.OffsetDateTime;
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
import org.alongside.console.web.Forms;
import org.alongside.console.web.Part;
import org.alongside.console.web.Parts;

/**
 * A referral as a coordinator works on it: the person, their conditions, the reason in their own words, what they want
 * from peer support, preferences, history and a possible duplicate; triage; then the proposals with their reasons and
 * the person's choice; the contact log and closing (with the coded reason the log suggests); every peer the person
 * has had. Each action posts, then comes back here (post/redirect/get).
 */
@Path("/coordinator/referrals/{id}")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Role.COORDINATOR_GROUP)
public class ReferralPage {

    private static final Map<String, String> NOTICES = Map.of(
            "accepted", "Referral accepted. Matching is proposing peers.",
            "declined", "Referral declined.",
            "proposal-accepted", "Peer chosen. The referral becomes matched as soon as every service has heard.",
            "proposal-declined", "Proposal declined. The next proposal, if any, is shown.",
            "attempt-logged", "Contact attempt logged.",
            "corrected", "Details corrected. The history keeps what changed, when and by whom.",
            "closed", "Referral closed.");

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance referral(Referrals.Referral referral, Part<List<Referrals.HistoryEntry>> history,
                Part<Optional<Matching.ReferralProposals>> matching, Part<List<Sessions.Session>> sessions,
                Part<Referrals.ContactAttempts> contacts, Part<List<Matching.MatchRecord>> matches, String notice,
                PageForms forms, Choices choices);

        static native TemplateInstance attempt(Referrals.Referral referral, Form form, List<String> methods,
                List<String> outcomes);

        static native TemplateInstance status(Referrals.Referral referral, Part<Optional<Matching.ReferralProposals>> matching);
    }

    /** The page's forms: only the one posted carries what was typed and its errors. */
    public record PageForms(Form decline, Form proposal, Form close) {

        static PageForms empty() {
            return new PageForms(Form.empty(), Form.empty(), Form.empty());
        }
    }

    /** The codes each form offers. */
    public record Choices(List<String> declineReasons, List<String> proposalDeclineReasons,
            List<String> closeReasons) {
    }

    private static final Choices CHOICES = new Choices(Referrals.DECLINE_REASONS, Matching.DECLINE_REASONS,
            Referrals.CLOSE_REASONS);

    private final ReferralClient referrals;
    private final MatchingClient matching;
    private final SessionClient sessions;
    private final Parts parts;

    ReferralPage(ReferralClient referrals, MatchingClient matching, SessionClient sessions, Parts parts) {
        this.referrals = referrals;
        this.matching = matching;
        this.sessions = sessions;
        this.parts = parts;
    }

    @GET
    public TemplateInstance page(@PathParam("id") UUID id, @QueryParam("done") String done) {
        return render(id, done == null ? null : NOTICES.get(done), PageForms.empty());
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
            return Response.status(400).entity(render(id, null,
                    new PageForms(form.rejected(e.problem()), Form.empty(), Form.empty()))).build();
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
            return Response.status(400).entity(render(id, null,
                    new PageForms(Form.empty(), form.rejected(e.problem()), Form.empty()))).build();
        }
    }

    @GET
    @Path("contact-attempts/new")
    public TemplateInstance attemptForm(@PathParam("id") UUID id) {
        return Templates.attempt(referrals.get(id), Form.empty().with("attemptedAt",
                Forms.LOCAL_MINUTES.format(OffsetDateTime.now(Forms.LONDON))), Referrals.ATTEMPT_METHODS,
                Referrals.ATTEMPT_OUTCOMES);
    }

    /** An attempt to reach the person: when, how, what came of it; the configured run of failures shows here. */
    @POST
    @Path("contact-attempts")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response logAttempt(@PathParam("id") UUID id, MultivaluedMap<String, String> fields) {
        Form form = Form.of(fields);
        OffsetDateTime at = Forms.dateTime(form, "attemptedAt");
        if (form.valid()) {
            try {
                referrals.logContactAttempt(id, new Referrals.NewContactAttempt(at, blank(form.value("method")),
                        blank(form.value("outcome")), blank(form.value("note"))));
                return back(id, "attempt-logged");
            } catch (ServiceRefused e) {
                if (!e.isInvalidInput()) {
                    throw e;
                }
                form.rejected(e.problem());
            }
        }
        return Response.status(400).entity(Templates.attempt(referrals.get(id), form, Referrals.ATTEMPT_METHODS,
                Referrals.ATTEMPT_OUTCOMES)).build();
    }

    @POST
    @Path("close")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response close(@PathParam("id") UUID id, MultivaluedMap<String, String> fields) {
        Form form = Form.of(fields);
        try {
            referrals.close(id, new Referrals.Close(blank(form.value("reason")), blank(form.value("note"))));
            return back(id, "closed");
        } catch (ServiceRefused e) {
            if (!e.isInvalidInput()) {
                throw e;
            }
            return Response.status(400).entity(render(id, null,
                    new PageForms(Form.empty(), Form.empty(), form.rejected(e.problem())))).build();
        }
    }

    private TemplateInstance render(UUID id, String notice, PageForms forms) {
        Referrals.Referral referral = referrals.get(id);
        var history = parts.load(() -> referrals.history(id));
        var proposals = parts.load(() -> matching.proposals(id));
        var sessionsHad = parts.load(() -> sessionsOf(referral));
        var contacts = parts.load(() -> referrals.contactAttempts(id));
        var matches = parts.load(() -> matching.matches(id));
        Form close = forms.close().with("reason", referral.suggestedCloseReason());
        return Templates.referral(referral, history.part(), proposals.part(), sessionsHad.part(), contacts.part(),
                matches.part(), notice, new PageForms(forms.decline(), forms.proposal(), close), CHOICES);
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
