package org.alongside.console.entry;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.alongside.console.api.ServiceRefused;
import org.alongside.console.api.ServiceUnavailable;
import org.alongside.console.api.matching.Matching;
import org.alongside.console.api.matching.MatchingClient;
import org.alongside.console.signin.DevSession;
import org.alongside.console.signin.Role;
import org.alongside.console.signin.SignedIn;
import org.alongside.console.web.Form;

/**
 * Signing in and out. Where the development sign-in is on (the local stack, the tests), /sign-in lets a person pick a
 * role and a persona and signs a development token for them; in production /sign-in starts the OpenID Connect
 * sign-in and comes back to the page asked for.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class SignInPage {

    private static final Pattern ODS = Pattern.compile("[A-Za-z0-9]{3,10}");
    /** The development supervisor: supervisors are known to the services by their token's subject, a UUID here. */
    static final String DEV_SUPERVISOR = "5f1c2b4e-8a7d-4c3b-9e2f-1a6d7c8b9e01";

    public record Persona(String value, String label) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance signIn(Form form, String returnTo, List<Role> roles, List<Persona> peers,
                String peersUnavailable, List<Persona> supervisors);
    }

    private final DevSession devSession;
    private final SignedIn signedIn;
    private final MatchingClient matching;
    private final RoutingContext context;

    SignInPage(DevSession devSession, SignedIn signedIn, MatchingClient matching, RoutingContext context) {
        this.devSession = devSession;
        this.signedIn = signedIn;
        this.matching = matching;
        this.context = context;
    }

    @GET
    @Authenticated
    public Response home() {
        return Response.seeOther(URI.create(signedIn.role().map(r -> r.home).orElse("/no-role"))).build();
    }

    @GET
    @Path("no-role")
    @Authenticated
    public String noRole() {
        return "<!DOCTYPE html><html lang=\"en-GB\"><head><meta charset=\"utf-8\"><title>No console role</title>"
                + "<link rel=\"stylesheet\" href=\"/assets/console.css\"></head><body><main class=\"nhsuk-width-container\">"
                + "<h1>Your account has no role in the console</h1><p>Ask your administrator for the coordinator, peer "
                + "worker, supervisor, referrer or commissioner role.</p></main></body></html>";
    }

    @GET
    @Path("sign-in")
    @PermitAll
    public Response signIn(@QueryParam("return") String returnTo) {
        String back = safeReturn(returnTo);
        if (!devSession.enabled()) {
            // OpenID Connect: an authenticated page starts the sign-in and returns to the page asked for
            return Response.seeOther(URI.create(back)).build();
        }
        return Response.ok(page(Form.empty().with("role", Role.COORDINATOR.group).with("odsCode", "B82001"), back))
                .build();
    }

    @POST
    @Path("sign-in")
    @PermitAll
    @jakarta.ws.rs.Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response signInAs(MultivaluedMap<String, String> fields) {
        if (!devSession.enabled()) {
            return Response.status(404).build();
        }
        Form form = Form.of(fields);
        String back = safeReturn(form.value("return"));
        Role role = Role.ofGroup(form.value("role")).orElse(null);
        UUID peerId = null;
        String odsCode = null;
        String subject = "dev-" + form.value("role");
        String name = role == null ? "" : "Dev " + role.label.toLowerCase(java.util.Locale.UK);
        if (role == null) {
            form.invalid("role", "must be one of the roles");
        } else if (role == Role.PEER_WORKER) {
            try {
                peerId = UUID.fromString(form.value("peerId"));
                subject = "dev-peer-" + peerId;
                name = "Peer worker " + form.value("peerId").substring(0, 8);
            } catch (IllegalArgumentException e) {
                form.invalid("peerId", "choose the peer worker to sign in as");
            }
        } else if (role == Role.REFERRER) {
            odsCode = form.value("odsCode").trim().toUpperCase(java.util.Locale.UK);
            if (!ODS.matcher(odsCode).matches()) {
                form.invalid("odsCode", "must be an ODS code (3-10 letters and digits), e.g. B82001");
            }
            name = "Referrer at " + odsCode;
        } else if (role == Role.SUPERVISOR) {
            // a supervisor is a token subject (one identity everywhere), not necessarily a UUID
            subject = form.value("supervisorId").isBlank() ? DEV_SUPERVISOR : form.value("supervisorId").trim();
            name = "Supervisor " + subject.substring(0, Math.min(8, subject.length()));
        }
        if (!form.valid()) {
            return Response.status(400).entity(page(form, back)).build();
        }
        devSession.start(context, role.group, subject, name, peerId, odsCode);
        return Response.seeOther(URI.create(back.equals("/") ? role.home : back)).build();
    }

    @POST
    @Path("sign-out")
    @PermitAll
    public Response signOut() {
        devSession.end(context);
        // with OpenID Connect, quarkus.oidc.logout.path ends the session at the identity provider as well
        return Response.seeOther(URI.create(devSession.enabled() ? "/sign-in" : "/logout")).build();
    }

    private TemplateInstance page(Form form, String back) {
        List<Persona> peers = new ArrayList<>();
        Map<String, Persona> supervisors = new LinkedHashMap<>();
        supervisors.put(DEV_SUPERVISOR, new Persona(DEV_SUPERVISOR, "Dev supervisor"));
        String unavailable = null;
        try {
            signedIn.actAs(devSession.shortLivedToken(Role.COORDINATOR_GROUP));
            for (Matching.Peer peer : matching.peers("ACTIVE", 0, 200).items()) {
                peers.add(new Persona(peer.id().toString(), peer.displayName()));
                if (peer.supervisor() != null) {
                    supervisors.putIfAbsent(peer.supervisor(), new Persona(peer.supervisor(),
                            "Supervisor of " + peer.displayName()));
                }
            }
        } catch (ServiceUnavailable | ServiceRefused e) {
            unavailable = "The list of peer workers is not available (matching-service); type a peer id instead.";
        } finally {
            signedIn.actAs(null);
        }
        return Templates.signIn(form, back, Role.all(), peers, unavailable, List.copyOf(supervisors.values()));
    }

    /** Only a path on this console: never another site (an open redirect), never a protocol-relative URL. */
    public static String safeReturn(String returnTo) {
        if (returnTo == null || !returnTo.startsWith("/") || returnTo.startsWith("//") || returnTo.contains("\\")
                || returnTo.startsWith("/sign-in") || returnTo.startsWith("/sign-out")) {
            return "/";
        }
        return returnTo;
    }
}
