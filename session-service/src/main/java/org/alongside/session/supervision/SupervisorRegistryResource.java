package org.alongside.session.supervision;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.OffsetDateTime;
import org.alongside.platform.query.Page;
import org.alongside.platform.query.PageNumber;
import org.alongside.platform.security.Roles;
import org.alongside.session.access.Access;
import org.alongside.session.access.Params;
import org.alongside.session.access.Supervisor;
import org.alongside.session.access.Supervisors;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/supervisors")
@Tag(name = "Supervisors")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SupervisorRegistryResource {

    @Schema(name = "SupervisorRegistration")
    public record Registration(
            @NotBlank @Size(max = 200) @Schema(description = "How people see the supervisor named") String displayName,
            @NotBlank @Email @Size(max = 320)
            @Schema(description = "Where safeguarding alerts reach them (a link only, never personal data)") String email,
            @NotNull @Schema(description = "Only an active supervisor can be assigned to peers") Boolean active) {
    }

    @Schema(name = "RegisteredSupervisor")
    public record SupervisorEntry(
            @Schema(required = true, description = "The supervisor's identity everywhere: the subject (sub) of their token")
            String subject,
            @Schema(required = true) String displayName,
            @Schema(description = "Absent for a supervisor registered from an earlier assignment until an admin adds it")
            String email,
            @Schema(required = true) boolean active,
            @Schema(required = true) OffsetDateTime updatedAt,
            @Schema(required = true) String updatedBy) {

        static SupervisorEntry of(Supervisor s) {
            return new SupervisorEntry(s.subject, s.displayName, s.email, s.active, s.updatedAt, s.updatedBy);
        }
    }

    private final Supervisors supervisors;
    private final Access access;

    SupervisorRegistryResource(Supervisors supervisors, Access access) {
        this.supervisors = supervisors;
        this.access = access;
    }

    @PUT
    @Path("/{subject}")
    @RolesAllowed({Roles.COORDINATOR, Roles.ADMIN})
    @Operation(operationId = "registerSupervisor", summary = "Register a supervisor, or change their details",
            description = """
            The supervisor is known by the subject (sub) of their token, in this and every service. Only a \
            registered, active supervisor can be assigned to a peer (PUT /peers/{peerId}/supervisor); \
            deactivating one keeps their current assignments until they are reassigned.""")
    public SupervisorEntry register(@PathParam("subject") @Size(max = 200) String subject,
            @NotNull(message = "a body with displayName, email and active is required") @Valid Registration body) {
        return SupervisorEntry.of(supervisors.register(subject.strip(), body.displayName(), body.email(),
                body.active(), access.user()));
    }

    @GET
    @RolesAllowed({Roles.COORDINATOR, Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(operationId = "listSupervisors", summary = "Registered supervisors by name, a page at a time")
    public Page<SupervisorEntry> list(
            @QueryParam("active") @Parameter(description = "true: only active supervisors; false: only inactive",
                    schema = @Schema(type = SchemaType.BOOLEAN)) String active,
            @QueryParam("page") @DefaultValue("0") @Parameter(schema = @Schema(type = SchemaType.INTEGER,
                    format = "int32", minimum = "0", maximum = "" + PageNumber.MAX, defaultValue = "0")) int page,
            @QueryParam("size") @DefaultValue("50") @Parameter(schema = @Schema(type = SchemaType.INTEGER,
                    format = "int32", minimum = "1", maximum = "200", defaultValue = "50")) int size) {
        Params.checkPage(page, size);
        return supervisors.list(Params.optionalBoolean("active", active), page, size).map(SupervisorEntry::of);
    }
}
