package org.alongside.console.peer;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.alongside.console.api.ServiceRefused;
import org.alongside.console.api.session.SessionClient;
import org.alongside.console.api.session.Sessions;
import org.alongside.console.signin.Role;
import org.alongside.console.web.Form;
import org.alongside.console.web.Forms;
import org.alongside.console.web.Part;

/** Group meetings and their register: a peer worker sees the groups they facilitate, coordinators all groups. */
@Path("/peer/groups")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Role.PEER_WORKER_GROUP, Role.COORDINATOR_GROUP})
public class GroupPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance groups(List<Sessions.Group> groups);

        static native TemplateInstance group(Sessions.Group group, Part<List<Sessions.Meeting>> meetings, Form form,
                List<String> media, List<String> attendance);
    }

    private final SessionClient sessions;

    GroupPages(SessionClient sessions) {
        this.sessions = sessions;
    }

    @GET
    public TemplateInstance groups() {
        return Templates.groups(sessions.groups());
    }

    @GET
    @Path("{id}")
    public TemplateInstance group(@PathParam("id") UUID id) {
        return page(id, Form.empty().with("startedAt", DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm")
                .format(OffsetDateTime.now(Forms.LONDON).truncatedTo(ChronoUnit.MINUTES).minusHours(2)))
                .with("durationMinutes", "90").with("medium", "IN_PERSON"));
    }

    @POST
    @Path("{id}/meetings")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response recordMeeting(@PathParam("id") UUID id, MultivaluedMap<String, String> fields) {
        Form form = Form.of(fields);
        OffsetDateTime startedAt = Forms.dateTime(form, "startedAt");
        Integer minutes = Forms.integer(form, "durationMinutes");
        List<Sessions.Attendance> register = new ArrayList<>();
        for (String member : form.values("member")) {
            String attendance = Forms.blank(form.value("attendance-" + member));
            if (attendance != null) {
                register.add(new Sessions.Attendance(UUID.fromString(member), attendance));
            }
        }
        if (form.valid()) {
            try {
                sessions.recordMeeting(id, new Sessions.NewMeeting(startedAt, minutes, Forms.blank(form.value("medium")),
                        List.of(), register));
                return Response.seeOther(URI.create("/peer/groups/" + id)).build();
            } catch (ServiceRefused e) {
                if (!e.isInvalidInput()) {
                    throw e;
                }
                form.rejected(e.problem());
            }
        }
        return Response.status(400).entity(page(id, form)).build();
    }

    private TemplateInstance page(UUID id, Form form) {
        return Templates.group(sessions.group(id), Part.of(() -> sessions.meetings(id)), form, Sessions.MEDIA,
                Sessions.ATTENDANCE);
    }
}
