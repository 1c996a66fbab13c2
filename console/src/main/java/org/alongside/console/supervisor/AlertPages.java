package org.alongside.console.supervisor;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.alongside.console.api.session.SessionClient;
import org.alongside.console.api.session.Sessions;
import org.alongside.console.signin.Role;

/**
 * The signed-in person's safeguarding alerts (an immediate-risk concern or a risk flag, sent to the peer's supervisor
 * and the duty coordinator at once): the feed, and one alert, which is where the alert's email links to.
 */
@Path("/alerts")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Role.SUPERVISOR_GROUP, Role.COORDINATOR_GROUP})
public class AlertPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance alerts(List<Sessions.Alert> alerts, boolean acknowledged, boolean one);
    }

    private final SessionClient sessions;

    AlertPages(SessionClient sessions) {
        this.sessions = sessions;
    }

    @GET
    public TemplateInstance alerts(@QueryParam("done") String done) {
        return Templates.alerts(sessions.alerts(), "acknowledged".equals(done), false);
    }

    /** One alert, as its email links to it; an alert not addressed to the caller is not found, as the service says. */
    @GET
    @Path("{id}")
    public TemplateInstance alert(@PathParam("id") UUID id) {
        List<Sessions.Alert> mine = sessions.alerts().stream().filter(a -> a.id().equals(id)).toList();
        if (mine.isEmpty()) {
            throw new NotFoundException();
        }
        return Templates.alerts(mine, false, true);
    }

    @POST
    @Path("{id}/acknowledge")
    public Response acknowledge(@PathParam("id") UUID id) {
        sessions.acknowledgeAlert(id);
        return Response.seeOther(URI.create("/alerts?done=acknowledged")).build();
    }
}
