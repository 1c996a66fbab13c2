package org.alongside.console.supervisor;

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
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import java.util.UUID;
import java.util.function.Consumer;
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
 * The supervisor's work: one worklist of safeguarding concerns and risk flags with their deadlines (overdue first, as
 * the service orders them), the person's name and contact while a concern is open, acknowledging and closing with the
 * action taken; supervisees and their caseloads; supervision, recorded and
 * overdue. Coordinators see the same concerns worklist.
 */
@Path("/supervisor")
@Produces(MediaType.TEXT_HTML)
public class SupervisorPages {

    private static final Map<String, String> NOTICES = Map.of("acknowledged", "Concern acknowledged.",
            "closed", "Concern closed.", "flag-acknowledged", "Risk flag acknowledged.",
            "flag-closed", "Risk flag closed.");

    private static final Part<Optional<Referrals.Referral>> NOBODY = new Part<>(Optional.empty(), null);

    /** A concern or risk flag, with the person it is about when the service shows them to the caller. */
    public record Work(Sessions.WorkItem item, Part<Optional<Referrals.Referral>> person) {
    }

    /**
     * A supervisee, from matching-service, with their caseload's figures from session-service: none when
     * session-service, which assigns supervisors, no longer lists the peer as the caller's and matching-service has
     * not heard yet.
     */
    public record Supervisee(Matching.Peer peer, Part<Sessions.CaseloadSummary> caseload) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance concerns(List<Work> work, String notice, Form closeForm);

        static native TemplateInstance supervisees(List<Supervisee> supervisees);

        static native TemplateInstance overdue(List<Sessions.OverdueSupervision> overdue);

        static native TemplateInstance supervision(Matching.Peer peer, Part<List<Sessions.Supervision>> history,
                Form form, List<String> topics, List<String> wellbeing);
    }

    private final SessionClient sessions;
    private final MatchingClient matching;
    private final ReferralClient referrals;
    private final Parts parts;

    SupervisorPages(SessionClient sessions, MatchingClient matching, ReferralClient referrals, Parts parts) {
        this.sessions = sessions;
        this.matching = matching;
        this.referrals = referrals;
        this.parts = parts;
    }

    @GET
    @Path("concerns")
    @RolesAllowed({Role.SUPERVISOR_GROUP, Role.COORDINATOR_GROUP})
    public TemplateInstance concerns(@QueryParam("done") String done) {
        return Templates.concerns(worklist(), NOTICES.get(done == null ? "" : done), Form.empty());
    }

    @POST
    @Path("concerns/{id}/acknowledge")
    @RolesAllowed({Role.SUPERVISOR_GROUP, Role.COORDINATOR_GROUP})
    public Response acknowledge(@PathParam("id") UUID id) {
        sessions.acknowledge(id);
        return back("acknowledged");
    }

    @POST
    @Path("risk-flags/{id}/acknowledge")
    @RolesAllowed({Role.SUPERVISOR_GROUP, Role.COORDINATOR_GROUP})
    public Response acknowledgeRiskFlag(@PathParam("id") UUID id) {
        sessions.acknowledgeRiskFlag(id);
        return back("flag-acknowledged");
    }

    @POST
    @Path("concerns/{id}/close")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({Role.SUPERVISOR_GROUP, Role.COORDINATOR_GROUP})
    public Response close(@PathParam("id") UUID id, MultivaluedMap<String, String> fields) {
        return close(id, fields, actionTaken -> sessions.close(id, actionTaken), "closed");
    }

    @POST
    @Path("risk-flags/{id}/close")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({Role.SUPERVISOR_GROUP, Role.COORDINATOR_GROUP})
    public Response closeRiskFlag(@PathParam("id") UUID id, MultivaluedMap<String, String> fields) {
        return close(id, fields, actionTaken -> sessions.closeRiskFlag(id, actionTaken), "flag-closed");
    }

    private Response close(UUID id, MultivaluedMap<String, String> fields, Consumer<String> close, String done) {
        Form form = Form.of(fields).with("itemId", id.toString());
        try {
            close.accept(Forms.blank(form.value("actionTaken")));
            return back(done);
        } catch (ServiceRefused e) {
            if (!e.isInvalidInput()) {
                throw e;
            }
            return Response.status(400).entity(Templates.concerns(worklist(), null, form.rejected(e.problem())))
                    .build();
        }
    }

    /**
     * The worklist, each item with the person it is about where the service shows them: referral-service shows the
     * supervisor responsible for an open concern who the person is and how to reach them (and audits the read), and
     * answers 404 otherwise, which leaves the name out.
     */
    private List<Work> worklist() {
        List<Sessions.WorkItem> items = sessions.worklist();
        // each person asked for at once
        List<Parts.Pending<Optional<Referrals.Referral>>> people = items.stream().map(item -> item.referralId() == null
                ? null : parts.load(() -> person(item.referralId()))).toList();
        List<Work> work = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            work.add(new Work(items.get(i), people.get(i) == null ? NOBODY : people.get(i).part()));
        }
        return work;
    }

    private Optional<Referrals.Referral> person(UUID referralId) {
        try {
            return Optional.of(referrals.get(referralId));
        } catch (ServiceRefused e) {
            if (e.status() == 404 || e.status() == 403) {
                return Optional.empty();
            }
            throw e;
        }
    }

    private static Response back(String done) {
        return Response.seeOther(URI.create("/supervisor/concerns?done=" + done)).build();
    }

    @GET
    @Path("supervisees")
    @RolesAllowed(Role.SUPERVISOR_GROUP)
    public TemplateInstance supervisees() {
        // the supervisees and all their caseloads' figures asked for at once, two calls however many supervisees
        Parts.Pending<Map<UUID, Sessions.CaseloadSummary>> summaries = parts.load(sessions::caseloadSummaries);
        List<Matching.Peer> peers = matching.peers(null, 0, 200).items();
        Part<Map<UUID, Sessions.CaseloadSummary>> caseloads = summaries.part();
        return Templates.supervisees(peers.stream()
                .map(peer -> new Supervisee(peer, caseloads.map(byPeer -> byPeer.get(peer.id())))).toList());
    }

    @GET
    @Path("overdue")
    @RolesAllowed({Role.SUPERVISOR_GROUP, Role.COORDINATOR_GROUP})
    public TemplateInstance overdue() {
        return Templates.overdue(sessions.overdueSupervision());
    }

    @GET
    @Path("supervisees/{peerId}/supervision")
    @RolesAllowed(Role.SUPERVISOR_GROUP)
    public TemplateInstance supervision(@PathParam("peerId") UUID peerId) {
        Form form = Form.empty().with("heldAt", DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm")
                .format(OffsetDateTime.now(Forms.LONDON).truncatedTo(ChronoUnit.MINUTES)))
                .with("durationMinutes", "60");
        return supervisionPage(peerId, form);
    }

    @POST
    @Path("supervisees/{peerId}/supervision")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(Role.SUPERVISOR_GROUP)
    public Response recordSupervision(@PathParam("peerId") UUID peerId, MultivaluedMap<String, String> fields) {
        Form form = Form.of(fields);
        OffsetDateTime heldAt = Forms.dateTime(form, "heldAt");
        Integer minutes = Forms.integer(form, "durationMinutes");
        String action = Forms.blank(form.value("actions[0].description"));
        if (form.valid()) {
            try {
                sessions.recordSupervision(peerId, new Sessions.NewSupervision(heldAt, minutes, form.values("topics"),
                        Forms.blank(form.value("wellbeing")), Forms.blank(form.value("wellbeingNotes")),
                        action == null ? List.of() : List.of(new Sessions.Action(action, null))));
                return Response.seeOther(URI.create("/supervisor/supervisees/" + peerId + "/supervision")).build();
            } catch (ServiceRefused e) {
                if (!e.isInvalidInput()) {
                    throw e;
                }
                form.rejected(e.problem());
            }
        }
        return Response.status(400).entity(supervisionPage(peerId, form)).build();
    }

    private TemplateInstance supervisionPage(UUID peerId, Form form) {
        return Templates.supervision(matching.peer(peerId), Part.of(() -> sessions.supervision(peerId)), form,
                Sessions.SUPERVISION_TOPICS, Sessions.WELLBEING);
    }
}
