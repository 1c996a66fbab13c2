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
import java.util.List;
import java.util.UUID;
import org.alongside.console.api.ServiceRefused;
import org.alongside.console.api.matching.Matching;
import org.alongside.console.api.matching.MatchingClient;
import org.alongside.console.api.session.SessionClient;
import org.alongside.console.api.session.Sessions;
import org.alongside.console.signin.Role;
import org.alongside.console.web.Form;
import org.alongside.console.web.Forms;
import org.alongside.console.web.Part;

/**
 * The supervisor's work: safeguarding concerns with their deadlines (overdue first, as the service orders them),
 * acknowledging and closing with the action taken; supervisees and their caseloads; supervision, recorded and
 * overdue. Coordinators see the same concerns worklist.
 */
@Path("/supervisor")
@Produces(MediaType.TEXT_HTML)
public class SupervisorPages {

    /** A supervisee with their caseload, each part from its own service. */
    public record Supervisee(Matching.Peer peer, Part<Sessions.Caseload> caseload) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance concerns(List<Sessions.Concern> concerns, String notice, Form closeForm);

        static native TemplateInstance supervisees(List<Supervisee> supervisees);

        static native TemplateInstance overdue(List<Sessions.OverdueSupervision> overdue);

        static native TemplateInstance supervision(Matching.Peer peer, Part<List<Sessions.Supervision>> history,
                Form form, List<String> topics, List<String> wellbeing);
    }

    private final SessionClient sessions;
    private final MatchingClient matching;

    SupervisorPages(SessionClient sessions, MatchingClient matching) {
        this.sessions = sessions;
        this.matching = matching;
    }

    @GET
    @Path("concerns")
    @RolesAllowed({Role.SUPERVISOR_GROUP, Role.COORDINATOR_GROUP})
    public TemplateInstance concerns(@QueryParam("done") String done) {
        return Templates.concerns(sessions.openConcerns(), "acknowledged".equals(done) ? "Concern acknowledged."
                : "closed".equals(done) ? "Concern closed." : null, Form.empty());
    }

    @POST
    @Path("concerns/{id}/acknowledge")
    @RolesAllowed({Role.SUPERVISOR_GROUP, Role.COORDINATOR_GROUP})
    public Response acknowledge(@PathParam("id") UUID id) {
        sessions.acknowledge(id);
        return Response.seeOther(URI.create("/supervisor/concerns?done=acknowledged")).build();
    }

    @POST
    @Path("concerns/{id}/close")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({Role.SUPERVISOR_GROUP, Role.COORDINATOR_GROUP})
    public Response close(@PathParam("id") UUID id, MultivaluedMap<String, String> fields) {
        Form form = Form.of(fields).with("concernId", id.toString());
        try {
            sessions.close(id, Forms.blank(form.value("actionTaken")));
            return Response.seeOther(URI.create("/supervisor/concerns?done=closed")).build();
        } catch (ServiceRefused e) {
            if (!e.isInvalidInput()) {
                throw e;
            }
            return Response.status(400)
                    .entity(Templates.concerns(sessions.openConcerns(), null, form.rejected(e.problem()))).build();
        }
    }

    @GET
    @Path("supervisees")
    @RolesAllowed(Role.SUPERVISOR_GROUP)
    public TemplateInstance supervisees() {
        List<Supervisee> supervisees = matching.peers(null, 0, 200).items().stream()
                .map(peer -> new Supervisee(peer, Part.of(() -> sessions.caseload(peer.id())))).toList();
        return Templates.supervisees(supervisees);
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
