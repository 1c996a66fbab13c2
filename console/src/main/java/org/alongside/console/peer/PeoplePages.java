package org.alongside.console.peer;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.alongside.console.api.ServiceRefused;
import org.alongside.console.api.referral.ReferralClient;
import org.alongside.console.api.referral.Referrals;
import org.alongside.console.api.session.SessionClient;
import org.alongside.console.api.session.Sessions;
import org.alongside.console.signin.Role;
import org.alongside.console.signin.SignedIn;
import org.alongside.console.web.Form;
import org.alongside.console.web.Forms;
import org.alongside.console.web.Part;
import org.alongside.console.web.Parts;

/**
 * The peer worker's day: the people on their caseload (who is overdue contact), a person's page (goals with progress,
 * sessions, signposting, and where each concern raised about them stands), adding a goal in the person's words, recording a session in under a minute, raising a
 * concern. Scope is the services': a person
 * who is not on this peer's caseload is "not found" there, and so here.
 */
@Path("/peer")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Role.PEER_WORKER_GROUP)
public class PeoplePages {


    @CheckedTemplate
    static class Templates {
        static native TemplateInstance people(Part<Sessions.Caseload> caseload);

        static native TemplateInstance person(Referrals.Referral referral, Part<List<Sessions.Goal>> goals,
                Part<List<Sessions.Session>> sessions, Part<List<Sessions.Signpost>> signposting,
                Part<List<Sessions.Concern>> concerns, String notice);

        static native TemplateInstance recordSession(Referrals.Referral referral, Part<List<Sessions.Goal>> goals,
                Form form, List<String> media, List<String> attendance, List<String> focus,
                List<String> goalStatuses, List<String> concernCategories, List<String> signpostCategories);

        static native TemplateInstance newGoal(Referrals.Referral referral, Form form, List<String> focus);

        static native TemplateInstance raiseConcern(List<Sessions.Client> people, Form form, List<String> categories);
    }

    private final SessionClient sessions;
    private final ReferralClient referrals;
    private final SignedIn signedIn;
    private final Parts parts;

    PeoplePages(SessionClient sessions, ReferralClient referrals, SignedIn signedIn, Parts parts) {
        this.sessions = sessions;
        this.referrals = referrals;
        this.signedIn = signedIn;
        this.parts = parts;
    }

    @GET
    @Path("people")
    public TemplateInstance people() {
        // the caseload carries the people's names and contact details: one call for the whole page
        return Templates.people(Part.of(() -> sessions.caseload()));
    }

    @GET
    @Path("people/{referralId}")
    public TemplateInstance person(@PathParam("referralId") UUID referralId, @QueryParam("done") String done) {
        Referrals.Referral referral = referrals.get(referralId);
        var goals = parts.load(() -> sessions.goals(referralId));
        var sessionsHad = parts.load(() -> sessions.sessions(referralId));
        var signposting = parts.load(() -> sessions.signposting(referralId));
        var concerns = parts.load(() -> sessions.concernsAbout(referralId));
        return Templates.person(referral, goals.part(), sessionsHad.part(), signposting.part(), concerns.part(),
                switch (done == null ? "" : done) {
                    case "session" -> "Session recorded.";
                    case "goal" -> "Goal added.";
                    case "concern" -> "Concern raised.";
                    default -> null;
                });
    }

    @GET
    @Path("people/{referralId}/goals/new")
    public TemplateInstance newGoal(@PathParam("referralId") UUID referralId) {
        return Templates.newGoal(referrals.get(referralId), Form.empty(), Sessions.FOCUS);
    }

    @POST
    @Path("people/{referralId}/goals")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response addGoal(@PathParam("referralId") UUID referralId, MultivaluedMap<String, String> fields) {
        Form form = Form.of(fields);
        Integer rating = Forms.integer(form, "rating");
        if (form.valid()) {
            try {
                sessions.addGoal(referralId, new Sessions.NewGoal(Forms.blank(form.value("text")),
                        Forms.blank(form.value("focus")), rating));
                return Response.seeOther(URI.create("/peer/people/" + referralId + "?done=goal")).build();
            } catch (ServiceRefused e) {
                if (!e.isInvalidInput()) {
                    throw e;
                }
                form.rejected(e.problem());
            }
        }
        return Response.status(400).entity(Templates.newGoal(referrals.get(referralId), form, Sessions.FOCUS))
                .build();
    }

    @GET
    @Path("people/{referralId}/sessions/new")
    public TemplateInstance newSession(@PathParam("referralId") UUID referralId) {
        OffsetDateTime now = OffsetDateTime.now(Forms.LONDON).truncatedTo(ChronoUnit.MINUTES);
        Form form = Form.empty().with("startedAt", Forms.LOCAL_MINUTES.format(now.minusHours(1)))
                .with("durationMinutes", "45").with("medium", "IN_PERSON").with("attendance", "ATTENDED");
        return sessionForm(referralId, form);
    }

    @POST
    @Path("people/{referralId}/sessions")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response recordSession(@PathParam("referralId") UUID referralId, MultivaluedMap<String, String> fields) {
        Form form = Form.of(fields);
        OffsetDateTime startedAt = Forms.dateTime(form, "startedAt");
        Integer duration = Forms.integer(form, "durationMinutes");
        List<Sessions.GoalProgress> progress = new ArrayList<>();
        for (String goalId : form.values("goalId")) {
            Integer rating = Forms.integer(form, "rating-" + goalId);
            String status = Forms.blank(form.value("status-" + goalId));
            if (rating != null || status != null) {
                progress.add(new Sessions.GoalProgress(UUID.fromString(goalId), rating, status));
            }
        }
        List<Sessions.NewSignpost> signposting = Forms.blank(form.value("signposting[0].name")) == null ? List.of()
                : List.of(new Sessions.NewSignpost(form.value("signposting[0].name"),
                        Forms.blank(form.value("signposting[0].category"))));
        Sessions.ConcernDetails concern = Forms.blank(form.value("safeguardingConcern.description")) == null
                && Forms.blank(form.value("safeguardingConcern.category")) == null ? null
                : new Sessions.ConcernDetails(Forms.blank(form.value("safeguardingConcern.category")),
                        Forms.blank(form.value("safeguardingConcern.description")),
                        "true".equals(form.value("safeguardingConcern.immediateRisk")));
        if (form.valid()) {
            try {
                sessions.record(new Sessions.NewSession(referralId, signedIn.peerId().orElse(null), startedAt,
                        duration, Forms.blank(form.value("medium")), Forms.blank(form.value("attendance")),
                        form.values("focus"), Forms.blank(form.value("notes")), signposting, concern, progress));
                return Response.seeOther(URI.create("/peer/people/" + referralId + "?done=session")).build();
            } catch (ServiceRefused e) {
                if (!e.isInvalidInput()) {
                    throw e;
                }
                form.rejected(e.problem());
            }
        }
        return Response.status(400).entity(sessionForm(referralId, form)).build();
    }

    @GET
    @Path("concerns/new")
    public TemplateInstance newConcern(@QueryParam("referralId") String referralId) {
        Form form = Form.empty();
        if (referralId != null) {
            form.with("referralId", referralId);
        }
        return concernForm(form);
    }

    @POST
    @Path("concerns")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response raiseConcern(MultivaluedMap<String, String> fields) {
        Form form = Form.of(fields);
        UUID referralId = Forms.uuid(form, "referralId", "choose the person the concern is about");
        if (form.valid()) {
            try {
                sessions.raise(new Sessions.NewConcern(referralId, Forms.blank(form.value("category")),
                        Forms.blank(form.value("description")), Forms.bool(form.value("immediateRisk"))));
                return Response.seeOther(URI.create("/peer/people/" + referralId + "?done=concern")).build();
            } catch (ServiceRefused e) {
                if (!e.isInvalidInput()) {
                    throw e;
                }
                form.rejected(e.problem());
            }
        }
        return Response.status(400).entity(concernForm(form)).build();
    }

    private TemplateInstance sessionForm(UUID referralId, Form form) {
        Referrals.Referral referral = referrals.get(referralId);
        return Templates.recordSession(referral, Part.of(() -> sessions.goals(referralId)), form,
                Sessions.MEDIA, Sessions.ATTENDANCE, Sessions.FOCUS, Sessions.GOAL_STATUSES,
                Sessions.CONCERN_CATEGORIES, Sessions.SIGNPOST_CATEGORIES);
    }

    private TemplateInstance concernForm(Form form) {
        Part<Sessions.Caseload> caseload = Part.of(() -> sessions.caseload());
        return Templates.raiseConcern(caseload.available() ? caseload.value().clients() : List.of(), form,
                Sessions.CONCERN_CATEGORIES);
    }
}
