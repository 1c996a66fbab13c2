package org.alongside.outcomes.dashboard;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import org.alongside.outcomes.facts.ReportingConfig;
import org.alongside.outcomes.measures.Instruments;
import org.alongside.platform.problem.Problem;
import org.alongside.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/dashboard")
@Tag(name = "Dashboard")
public class DashboardResource {

    private static final String PERIOD = """
            Figures are about the referrals received from the start of `from` to the end of `to` (calendar days in
            the service's reporting time zone, Europe/London unless configured otherwise; either may be left out)
            and everything that followed for them. Aggregates only, after disclosure control.""";

    private final Summaries summaries;
    private final DisclosurePolicy disclosure;
    private final Clock clock;
    private final ZoneId zone;
    private final Instruments instruments;

    DashboardResource(Summaries summaries, DisclosurePolicy disclosure, Clock clock, ReportingConfig reporting,
            Instruments instruments) {
        this.summaries = summaries;
        this.instruments = instruments;
        this.disclosure = disclosure;
        this.clock = clock;
        this.zone = reporting.reportingZone();
    }

    @GET
    @Path("/summary")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.COMMISSIONER, Roles.ADMIN})
    @Operation(operationId = "getDashboardSummary", summary = "Commissioning figures for a period",
            description = PERIOD + " With `groupBy`, `breakdown` holds the headline measures for each value of that "
                    + "dimension, and each instrument's outcomes are also given by it.")
    @APIResponse(responseCode = "200", description = "The figures",
            content = @Content(schema = @Schema(implementation = DashboardSummary.class)))
    @APIResponse(responseCode = "400", description = "A date is not YYYY-MM-DD, from is after to, or groupBy is unknown",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public DashboardSummary summary(
            @QueryParam("from") @Parameter(description = "First day of referral receipt to include (YYYY-MM-DD)",
                    example = "2025-04-01", schema = @Schema(format = "date")) String from,
            @QueryParam("to") @Parameter(description = "Last day of referral receipt to include (YYYY-MM-DD)",
                    example = "2026-03-31", schema = @Schema(format = "date")) String to,
            @QueryParam("groupBy") @Parameter(description = "Break the headline measures down by this dimension",
                    schema = @Schema(enumeration = {"referrerType", "referrerOrganisation", "conditionGroup",
                            "imdDecile", "ageBand", "gender", "ethnicity"})) String groupBy) throws SQLException {
        return read(from, to, groupBy);
    }

    @GET
    @Path("/summary.csv")
    @Produces(SummaryCsv.MEDIA_TYPE)
    @RolesAllowed({Roles.COMMISSIONER, Roles.ADMIN})
    @Operation(operationId = "getDashboardSummaryCsv", summary = "The same figures as CSV",
            description = PERIOD + " One figure per row: `section,key,label,measure,value`; a suppressed value is "
                    + "`*`. The token travels in the Authorization header only, never in a URL.")
    @APIResponse(responseCode = "200", description = "The figures, as an attachment",
            content = @Content(mediaType = "text/csv", schema = @Schema(type = org.eclipse.microprofile.openapi
                    .annotations.enums.SchemaType.STRING)))
    @APIResponse(responseCode = "400", description = "A date is not YYYY-MM-DD, from is after to, or groupBy is unknown",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response csv(@QueryParam("from") @Parameter(description = "First day (YYYY-MM-DD)") String from,
            @QueryParam("to") @Parameter(description = "Last day (YYYY-MM-DD)") String to,
            @QueryParam("groupBy") @Parameter(description = "As for the JSON summary") String groupBy)
            throws SQLException {
        DashboardSummary summary = read(from, to, groupBy);
        String name = "alongside-summary" + (summary.from() == null ? "" : "-from-" + summary.from())
                + (summary.to() == null ? "" : "-to-" + summary.to()) + ".csv";
        return Response.ok(SummaryCsv.write(summary), SummaryCsv.MEDIA_TYPE)
                .header("Content-Disposition", "attachment; filename=\"" + name + "\"").build();
    }

    private DashboardSummary read(String from, String to, String groupBy) throws SQLException {
        ReportingPeriod period = ReportingPeriod.parse(from, to, zone);
        Dimension dimension = Dimension.parse(groupBy);
        return new SummaryPresenter(disclosure.current(), instruments::find).present(period, summaries.read(period, dimension),
                OffsetDateTime.now(clock));
    }
}
