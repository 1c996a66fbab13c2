package org.alongside.session.alert;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.alongside.platform.problem.Problem;
import org.alongside.platform.query.Page;
import org.alongside.platform.query.PageNumber;
import org.alongside.platform.security.Roles;
import org.alongside.session.access.Access;
import org.alongside.session.access.Params;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/alerts")
@Tag(name = "Alerts")
@Produces(MediaType.APPLICATION_JSON)
public class AlertResource {

    private final Alerts alerts;
    private final Access access;

    AlertResource(Alerts alerts, Access access) {
        this.alerts = alerts;
        this.access = access;
    }

    @GET
    @RolesAllowed({Roles.SUPERVISOR, Roles.COORDINATOR, Roles.ADMIN})
    @Operation(operationId = "listAlerts", summary = "The caller's own safeguarding alerts, unacknowledged first",
            description = """
            An immediate-risk concern or a risk flag alerts the supervisor of the peer supporting the person and the \
            duty coordinator (alongside.alerts.duty-coordinator) at once, here and by email (a link only). Each \
            caller sees the alerts addressed to their token's subject; then the most recent first.""")
    public Page<AlertView> list(
            @QueryParam("acknowledged") @Parameter(description = "false: only those still to acknowledge",
                    schema = @Schema(type = SchemaType.BOOLEAN)) String acknowledged,
            @QueryParam("page") @DefaultValue("0") @Parameter(schema = @Schema(type = SchemaType.INTEGER,
                    format = "int32", minimum = "0", maximum = "" + PageNumber.MAX, defaultValue = "0")) int page,
            @QueryParam("size") @DefaultValue("50") @Parameter(schema = @Schema(type = SchemaType.INTEGER,
                    format = "int32", minimum = "1", maximum = "200", defaultValue = "50")) int size) {
        Params.checkPage(page, size);
        return alerts.feed(access.subject(), Params.optionalBoolean("acknowledged", acknowledged), page, size);
    }

    @POST
    @Path("/{id}/acknowledge")
    @RolesAllowed({Roles.SUPERVISOR, Roles.COORDINATOR, Roles.ADMIN})
    @Operation(operationId = "acknowledgeAlert", summary = "Acknowledge an alert: you have seen it and are acting",
            description = """
            For every recipient at once; it stops the alert's escalation. Only a recipient may: anyone else gets \
            404, as if it did not exist, and nothing changes. Acknowledging the concern or risk flag itself does \
            this too.""")
    @APIResponse(responseCode = "200", description = "The alert, acknowledged",
            content = @Content(schema = @Schema(implementation = AlertView.class)))
    @APIResponse(responseCode = "409", description = "Already acknowledged",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public AlertView acknowledge(@PathParam("id") UUID id) {
        return alerts.acknowledge(id, access.subject());
    }
}
