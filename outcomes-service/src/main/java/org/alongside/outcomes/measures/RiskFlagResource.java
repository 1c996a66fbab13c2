package org.alongside.outcomes.measures;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.UUID;
import org.alongside.platform.problem.Problem;
import org.alongside.platform.problem.ProblemException;
import org.alongside.platform.query.Page;
import org.alongside.platform.query.PageNumber;
import org.alongside.platform.security.Caller;
import org.alongside.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/risk-flags")
@Tag(name = "Risk flags")
@Produces(MediaType.APPLICATION_JSON)
public class RiskFlagResource {

    private final RiskFlags flags;
    private final Caller caller;

    RiskFlagResource(RiskFlags flags, Caller caller) {
        this.flags = flags;
        this.caller = caller;
    }

    @Schema(name = "RiskFlagAcknowledgement")
    public record Acknowledgement(
            @Size(max = 2000) @Schema(description = "What was done, e.g. who contacted the person") String note) {
    }

    @GET
    @RolesAllowed({Roles.SUPERVISOR, Roles.COORDINATOR, Roles.ADMIN})
    @Operation(operationId = "listRiskFlags", summary = "Risk flags for supervisors, longest waiting first",
            description = "Raised when an answer is a risk signal (PHQ-9 item 9 above 0). Shows which item, never "
                    + "the answer, and the peer worker supporting the person.")
    @APIResponse(responseCode = "200", description = "A page of flags")
    public Page<RiskFlagView> list(
            @QueryParam("status") @Parameter(description = "OPEN or ACKNOWLEDGED; all when absent",
                    schema = @Schema(implementation = RiskFlagView.Status.class)) String status,
            @QueryParam("page") @DefaultValue("0") @Parameter(schema = @Schema(type = SchemaType.INTEGER,
                    format = "int32", minimum = "0", maximum = "" + PageNumber.MAX, defaultValue = "0")) int page,
            @QueryParam("size") @DefaultValue("50") @Parameter(schema = @Schema(type = SchemaType.INTEGER,
                    format = "int32", minimum = "1", maximum = "200", defaultValue = "50")) int size)
            throws SQLException {
        // checked here so the problem names the parameter (bean validation reports query parameters as "body")
        if (page < 0 || page > PageNumber.MAX) {
            throw ProblemException.invalid("page", "must be between 0 and " + PageNumber.MAX);
        }
        if (size < 1 || size > 200) {
            throw ProblemException.invalid("size", "must be between 1 and 200");
        }
        return flags.list(status(status), page, size);
    }

    /** Read here rather than by JAX-RS, which answers an unknown enum value with 404 instead of naming it. */
    private static RiskFlagView.Status status(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return RiskFlagView.Status.valueOf(value.strip().toUpperCase());
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("status", "'" + value + "' is not one of "
                    + Arrays.toString(RiskFlagView.Status.values()));
        }
    }

    @POST
    @Path("/{id}/acknowledge")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.SUPERVISOR, Roles.COORDINATOR, Roles.ADMIN})
    @Operation(operationId = "acknowledgeRiskFlag", summary = "Acknowledge a risk flag: a person has seen it and acted",
            description = "The JSON body is optional: an empty one acknowledges without a note.")
    @APIResponse(responseCode = "200", description = "The flag, acknowledged",
            content = @Content(schema = @Schema(implementation = RiskFlagView.class)))
    @APIResponse(responseCode = "409", description = "Already acknowledged",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RiskFlagView acknowledge(@PathParam("id") UUID id, @Valid Acknowledgement body) throws SQLException {
        return flags.acknowledge(id, body == null ? null : body.note(), caller);
    }
}
