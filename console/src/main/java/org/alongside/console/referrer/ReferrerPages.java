package org.alongside.console.referrer;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.alongside.console.api.ServiceRefused;
import org.alongside.console.api.referral.ReferralClient;
import org.alongside.console.api.referral.Referrals;
import org.alongside.console.signin.Role;
import org.alongside.console.signin.SignedIn;
import org.alongside.console.web.Form;
import org.alongside.console.web.Forms;

/**
 * The referrer's console: their organisation's referrals and where each stands (the service shows a referrer only
 * their own organisation's), and a referral form for link workers without a FHIR system (POST /referrals).
 */
@Path("/referrer")
@Produces(MediaType.TEXT_HTML)
public class ReferrerPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance referrals(Referrals.Page page, String odsCode, boolean referred);

        static native TemplateInstance refer(Form form, List<String> genders, List<String> supportWanted,
                List<String> settings, List<String> media, List<String> contactMethods, List<String> kinds);
    }

    private final ReferralClient referrals;
    private final SignedIn signedIn;

    ReferrerPages(ReferralClient referrals, SignedIn signedIn) {
        this.referrals = referrals;
        this.signedIn = signedIn;
    }

    @GET
    @Path("referrals")
    @RolesAllowed(Role.REFERRER_GROUP)
    public TemplateInstance referrals(@QueryParam("page") @DefaultValue("0") int page,
            @QueryParam("done") String done) {
        return Templates.referrals(referrals.newest(Math.max(0, page), 50), signedIn.odsCode().orElse(""),
                "referred".equals(done));
    }

    @GET
    @Path("new")
    @RolesAllowed({Role.REFERRER_GROUP, Role.COORDINATOR_GROUP})
    public TemplateInstance form() {
        return Templates.refer(Form.empty().with("referrer.odsCode", signedIn.odsCode().orElse(""))
                        .with("idempotencyKey", java.util.UUID.randomUUID().toString()),
                Referrals.GENDERS, Referrals.SUPPORT_WANTED, Referrals.SETTINGS, Referrals.MEDIA,
                Referrals.CONTACT_METHODS,
                Referrals.CONDITION_KINDS);
    }

    @POST
    @Path("referrals")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({Role.REFERRER_GROUP, Role.COORDINATOR_GROUP})
    public Response refer(MultivaluedMap<String, String> fields) {
        Form form = Form.of(fields);
        LocalDate birthDate = null;
        String birth = Forms.blank(form.value("person.birthDate"));
        if (birth != null) {
            try {
                birthDate = LocalDate.parse(birth);
            } catch (DateTimeParseException e) {
                form.invalid("person.birthDate", "must be a date like 1961-04-09");
            }
        }
        List<Referrals.Condition> conditions = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String code = Forms.blank(form.value("conditions[" + i + "].snomedCode"));
            String display = Forms.blank(form.value("conditions[" + i + "].display"));
            if (code != null || display != null) {
                conditions.add(new Referrals.Condition(code, display,
                        Forms.blank(form.value("conditions[" + i + "].kind"))));
            }
        }
        if (form.valid()) {
            try {
                Referrals.NewReferral referral = new Referrals.NewReferral(
                        new Referrals.Referrer(signedIn.role().filter(r -> r == Role.REFERRER).isPresent()
                                ? "LINK_WORKER" : "OTHER", Forms.blank(form.value("referrer.odsCode")),
                                Forms.blank(form.value("referrer.name")), Forms.blank(form.value("referrer.phone")),
                                Forms.blank(form.value("referrer.email"))),
                        new Referrals.NewPerson(Forms.blank(form.value("person.nhsNumber")),
                                Forms.blank(form.value("person.givenName")),
                                Forms.blank(form.value("person.familyName")), birthDate,
                                Forms.blank(form.value("person.gender")), Forms.blank(form.value("person.postcode")),
                                Forms.blank(form.value("person.phone")), Forms.blank(form.value("person.email")),
                                Forms.blank(form.value("person.preferredContact")),
                                Forms.blank(form.value("person.language"))),
                        conditions, Forms.blank(form.value("reason")), form.values("supportWanted"),
                        new Referrals.Preferences(null, form.values("preferences.settings"),
                                form.values("preferences.media"), null, null),
                        new Referrals.Consent("true".equals(form.value("consent.peerSupport")),
                                Forms.bool(form.value("consent.shareWithGp")), null),
                        null, "true".equals(form.value("urgent")) ? "URGENT" : "ROUTINE");
                // the key travels in the form, so submitting twice (a double click, a retry) refers once
                referrals.create(referral, Forms.blank(form.value("idempotencyKey")));
                return Response.seeOther(URI.create(signedIn.role().orElseThrow() == Role.REFERRER
                        ? "/referrer/referrals?done=referred" : "/coordinator/worklist")).build();
            } catch (ServiceRefused e) {
                if (!e.isInvalidInput()) {
                    throw e;
                }
                form.rejected(e.problem());
            }
        }
        return Response.status(400).entity(Templates.refer(form, Referrals.GENDERS, Referrals.SUPPORT_WANTED,
                Referrals.SETTINGS, Referrals.MEDIA, Referrals.CONTACT_METHODS, Referrals.CONDITION_KINDS)).build();
    }
}
