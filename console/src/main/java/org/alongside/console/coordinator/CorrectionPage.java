package org.alongside.console.coordinator;

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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.alongside.console.api.ServiceRefused;
import org.alongside.console.api.referral.ReferralClient;
import org.alongside.console.api.referral.Referrals;
import org.alongside.console.signin.Role;
import org.alongside.console.web.Form;
import org.alongside.console.web.Forms;

/**
 * Correcting a person's details: the form shows them as held, and sends what it shows as a JSON Merge Patch of the
 * person (a field emptied is removed). The service checks the result as at intake; its errors land beside each field
 * and what was typed stays.
 */
@Path("/coordinator/referrals/{id}/edit")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Role.COORDINATOR_GROUP)
public class CorrectionPage {

    /** The person's fields the form corrects, as the service names them. */
    static final List<String> TEXT_FIELDS = List.of("givenName", "familyName", "nhsNumber", "birthDate", "gender",
            "postcode", "phone", "email", "preferredContact", "language", "accessibilityNeeds");

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance edit(Referrals.Referral referral, Form form, List<String> genders,
                List<String> contactMethods);
    }

    private final ReferralClient referrals;

    CorrectionPage(ReferralClient referrals) {
        this.referrals = referrals;
    }

    @GET
    public TemplateInstance form(@PathParam("id") UUID id) {
        Referrals.Referral referral = referrals.get(id);
        Referrals.Person p = referral.person();
        Form form = Form.empty()
                .with("person.givenName", p.givenName()).with("person.familyName", p.familyName())
                .with("person.nhsNumber", p.nhsNumber())
                .with("person.birthDate", p.birthDate() == null ? null : p.birthDate().toString())
                .with("person.gender", p.gender()).with("person.postcode", p.postcode())
                .with("person.phone", p.phone()).with("person.email", p.email())
                .with("person.preferredContact", p.preferredContact()).with("person.language", p.language())
                .with("person.accessibilityNeeds", p.accessibilityNeeds())
                .with("person.interpreterNeeded", Boolean.TRUE.equals(p.interpreterNeeded()) ? "true" : null);
        return Templates.edit(referral, form, Referrals.GENDERS, Referrals.CONTACT_METHODS);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response correct(@PathParam("id") UUID id, MultivaluedMap<String, String> fields) {
        Form form = Form.of(fields);
        Map<String, Object> person = new LinkedHashMap<>();
        for (String field : TEXT_FIELDS) {
            // an emptied field is removed (null in a merge patch); the service says if it may not be
            person.put(field, Forms.blank(form.value("person." + field)));
        }
        person.put("interpreterNeeded", "true".equals(form.value("person.interpreterNeeded")));
        try {
            referrals.correct(id, Map.of("person", person));
            return Response.seeOther(URI.create("/coordinator/referrals/" + id + "?done=corrected")).build();
        } catch (ServiceRefused e) {
            if (!e.isInvalidInput()) {
                throw e;
            }
            return Response.status(400).entity(Templates.edit(referrals.get(id), form.rejected(e.problem()),
                    Referrals.GENDERS, Referrals.CONTACT_METHODS)).build();
        }
    }
}
