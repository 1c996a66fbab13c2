package org.alongside.console.commissioner;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.alongside.console.api.ServiceRefused;
import org.alongside.console.api.outcomes.Dashboard;
import org.alongside.console.api.outcomes.OutcomesClient;
import org.alongside.console.signin.Role;
import org.alongside.console.web.Form;

/**
 * The commissioner's dashboard through the console's own session: the console asks outcomes-service for the JSON
 * summary (and the CSV) with the signed-in person's token in the Authorization header, so the token never travels
 * in a URL, a browser's history or a log.
 */
@Path("/commissioner")
@RolesAllowed(Role.COMMISSIONER_GROUP)
public class DashboardPage {

    /** The charts the page shows, drawn here as SVG from the summary's figures. */
    public record Drawn(String byMonth, String waitingBands, String byEthnicity, String media, String caseloads) {

        static Drawn of(Dashboard.Summary s) {
            return new Drawn(
                    Charts.columns("chart-by-month", "Referrals received each month",
                            Charts.cells(s.referrals().byMonth(), "")),
                    Charts.columns("chart-waiting", "People by days waited for a first session",
                            Charts.cells(s.waitingTimes().bands(), "")),
                    Charts.bars("chart-by-ethnicity", "Referrals by ethnic category",
                            Charts.cells(s.referrals().byEthnicity(), ""), 0),
                    Charts.bars("chart-media", "Sessions attended by medium", Charts.cells(s.engagement().media(), ""),
                            0),
                    s.delivery() == null ? "" : Charts.columns("chart-caseloads",
                            "Peers by the number of people they support", Charts.cells(s.delivery().caseloads(), "")));
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance dashboard(Form form, Dashboard.Summary summary, Drawn charts, String query,
                List<String> groupBy);
    }

    private final OutcomesClient outcomes;

    DashboardPage(OutcomesClient outcomes) {
        this.outcomes = outcomes;
    }

    @GET
    @Path("dashboard")
    @Produces(MediaType.TEXT_HTML)
    public Response dashboard(@QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("groupBy") String groupBy) {
        MultivaluedHashMap<String, String> values = new MultivaluedHashMap<>();
        values.putSingle("from", from == null ? "" : from);
        values.putSingle("to", to == null ? "" : to);
        values.putSingle("groupBy", groupBy == null ? "" : groupBy);
        Form form = Form.of(values);
        try {
            Dashboard.Summary summary = outcomes.summary(from, to, groupBy);
            return Response.ok(Templates.dashboard(form, summary, Drawn.of(summary), query(from, to, groupBy),
                    Dashboard.GROUP_BY)).build();
        } catch (ServiceRefused e) {
            if (!e.isInvalidInput()) {
                throw e;
            }
            // the whole time's figures, with what was wrong with the period beside its field
            Dashboard.Summary whole = outcomes.summary(null, null, null);
            return Response.status(400).entity(Templates.dashboard(form.rejected(e.problem()), whole,
                    Drawn.of(whole), "", Dashboard.GROUP_BY)).build();
        }
    }

    @GET
    @Path("dashboard.csv")
    @Produces("text/csv")
    public Response csv(@QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("groupBy") String groupBy) {
        OutcomesClient.Csv csv = outcomes.csv(from, to, groupBy);
        return Response.ok(csv.body(), "text/csv; charset=UTF-8")
                .header("Content-Disposition", csv.contentDisposition() == null
                        ? "attachment; filename=\"alongside-summary.csv\"" : csv.contentDisposition())
                .build();
    }

    private static String query(String from, String to, String groupBy) {
        return "from=" + enc(from) + "&to=" + enc(to) + "&groupBy=" + enc(groupBy);
    }

    private static String enc(String value) {
        return value == null ? "" : URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
