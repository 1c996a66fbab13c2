package org.alongside.console.coordinator;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedHashMap;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.alongside.console.api.ServiceRefused;
import org.alongside.console.api.referral.ReferralClient;
import org.alongside.console.api.referral.Referrals;
import org.alongside.console.signin.Role;
import org.alongside.console.web.Form;

/** The coordinator's worklist: urgent first, then longest waiting, with filters; and finding a person in it. */
@Path("/coordinator/worklist")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Role.COORDINATOR_GROUP)
public class WorklistPage {

    static final int PAGE_SIZE = 25;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance worklist(Form form, List<Referrals.Referral> items, long total, int page,
                int pages, String query, List<String> statuses);
    }

    private final ReferralClient referrals;

    WorklistPage(ReferralClient referrals) {
        this.referrals = referrals;
    }

    @GET
    public TemplateInstance worklist(@QueryParam("status") String status, @QueryParam("condition") String condition,
            @QueryParam("receivedFrom") String receivedFrom, @QueryParam("receivedTo") String receivedTo,
            @QueryParam("name") String name, @QueryParam("nhsNumber") String nhsNumber,
            @QueryParam("birthDate") String birthDate, @QueryParam("unableToContact") String unableToContact,
            @QueryParam("page") @DefaultValue("0") int page) {
        MultivaluedHashMap<String, String> values = new MultivaluedHashMap<>();
        putIf(values, "status", status);
        putIf(values, "condition", condition);
        putIf(values, "receivedFrom", receivedFrom);
        putIf(values, "receivedTo", receivedTo);
        putIf(values, "name", name);
        putIf(values, "nhsNumber", nhsNumber);
        putIf(values, "birthDate", birthDate);
        putIf(values, "unableToContact", unableToContact);
        Form form = Form.of(values);
        LocalDate from = date(form, "receivedFrom");
        LocalDate to = date(form, "receivedTo");
        List<Referrals.Referral> items = List.of();
        long total = 0;
        int current = Math.max(0, page);
        if (form.valid()) {
            try {
                // the service orders urgent first, then longest waiting, across every page
                Referrals.Page found = referrals.list(new Referrals.Search(status, condition, from, to, name,
                        nhsNumber, birthDate, "true".equals(unableToContact)), current, PAGE_SIZE);
                items = found.items();
                total = found.total();
            } catch (ServiceRefused e) {
                if (!e.isInvalidInput()) {
                    throw e;
                }
                form.rejected(e.problem());
            }
        }
        int pages = (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
        String query = "status=" + enc(status) + "&condition=" + enc(condition) + "&receivedFrom=" + enc(receivedFrom)
                + "&receivedTo=" + enc(receivedTo) + "&name=" + enc(name) + "&nhsNumber=" + enc(nhsNumber)
                + "&birthDate=" + enc(birthDate) + "&unableToContact=" + enc(unableToContact);
        return Templates.worklist(form, items, total, current, pages, query, Referrals.STATUSES);
    }

    private static LocalDate date(Form form, String field) {
        String value = form.value(field);
        if (value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            form.invalid(field, "must be a date like 2026-04-01");
            return null;
        }
    }

    private static void putIf(MultivaluedHashMap<String, String> values, String name, String value) {
        if (value != null && !value.isBlank()) {
            values.putSingle(name, value);
        }
    }

    private static String enc(String value) {
        return value == null ? "" : java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
    }
}
