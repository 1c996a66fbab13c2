package org.alongside.outcomes.dashboard;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.sql.SQLException;
import java.time.ZoneId;
import org.alongside.platform.problem.Problem;
import org.alongside.platform.security.Roles;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/dashboard")
@Tag(name = "Dashboard")
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "401", description = "No valid bearer token",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "Only commissioners and admins see the dashboard",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class DashboardResource {

    private final Summaries summaries;
    private final ZoneId zone;

    DashboardResource(Summaries summaries,
            @ConfigProperty(name = "alongside.outcomes.reporting-zone") ZoneId zone) {
        this.summaries = summaries;
        this.zone = zone;
    }

    @GET
    @Path("/summary")
    @RolesAllowed({Roles.COMMISSIONER, Roles.ADMIN})
    @Operation(summary = "Referral and session counts for a period",
            description = "Counts over the referrals received in the period and their sessions. Dates are calendar "
                    + "days in the service's reporting time zone (Europe/London unless configured otherwise).")
    @APIResponse(responseCode = "200", description = "The counts",
            content = @Content(schema = @Schema(implementation = DashboardSummary.class)))
    @APIResponse(responseCode = "400", description = "A date is not YYYY-MM-DD, or from is after to",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public DashboardSummary summary(
            @QueryParam("from") @Parameter(description = "First day of referral receipt to include (YYYY-MM-DD)",
                    example = "2025-04-01", schema = @Schema(format = "date")) String from,
            @QueryParam("to") @Parameter(description = "Last day of referral receipt to include (YYYY-MM-DD)",
                    example = "2026-03-31", schema = @Schema(format = "date")) String to) throws SQLException {
        return summaries.summary(ReportingPeriod.parse(from, to, zone));
    }
}
