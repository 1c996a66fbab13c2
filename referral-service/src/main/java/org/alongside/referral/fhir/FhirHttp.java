package org.alongside.referral.fhir;

import ca.uhn.fhir.context.FhirContext;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.alongside.platform.http.EarlyErrorWriter;
import org.alongside.platform.problem.Problem;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * HTTP as FHIR clients expect it under /fhir: JSON or XML as the client asks ({@code Accept} or {@code _format},
 * with the plain and DSTU2 media types as synonyms), and every error an OperationOutcome in that format, whether a
 * resource refused the request, the platform's problem mappers answered it (401, 403, 404, 405, 406, 415, 500,
 * 503) or it was refused before any resource ran (413, a shutdown under way).
 */
@ApplicationScoped
public class FhirHttp implements EarlyErrorWriter {

    private final FhirContext fhir;

    FhirHttp(FhirContext fhir) {
        this.fhir = fhir;
    }

    static boolean isFhir(String path) {
        String normalised = "/" + path.replaceFirst("^/", "");
        return normalised.equals("/fhir") || normalised.startsWith("/fhir/");
    }

    /** Before matching: a FHIR synonym or _format becomes the FHIR media type, so one @Produces/@Consumes fits. */
    @ServerRequestFilter(preMatching = true)
    public Optional<Response> negotiate(ContainerRequestContext request) {
        if (!isFhir(request.getUriInfo().getPath())) {
            return Optional.empty();
        }
        URI uri = request.getUriInfo().getRequestUri();
        if (uri.getRawPath().contains("%24")) {
            // an operation's '$' percent-encoded (as some clients send it) names the same operation
            request.setRequestUri(UriBuilder.fromUri(uri).replacePath(uri.getRawPath().replace("%24", "$")).build());
        }
        String format = request.getUriInfo().getQueryParameters().getFirst("_format");
        if (format != null) {
            Optional<FhirFormat> named = FhirFormat.named(format);
            if (named.isEmpty()) {
                return Optional.of(Outcomes.response(406, Outcomes.of(List.of(new FhirIntakeException.Issue(
                        "not-supported", null, "_format '" + format + "' is not supported: use json or xml "
                        + "(or application/fhir+json, application/fhir+xml)"))), FhirFormat.JSON));
            }
            request.getHeaders().putSingle(HttpHeaders.ACCEPT, named.get().mediaType());
        } else {
            List<String> accept = request.getHeaders().get(HttpHeaders.ACCEPT);
            if (accept != null && !accept.isEmpty()) {
                request.getHeaders().putSingle(HttpHeaders.ACCEPT, FhirFormat.canonicalAccept(String.join(",", accept)));
            }
        }
        String contentType = request.getHeaderString(HttpHeaders.CONTENT_TYPE);
        FhirFormat.named(contentType).ifPresent(body -> request.getHeaders().putSingle(HttpHeaders.CONTENT_TYPE,
                body.mediaType() + (contentType.contains(";") ? contentType.substring(contentType.indexOf(';')) : "")));
        return Optional.empty();
    }

    /** Whatever the platform answered as problem+json under /fhir leaves as the same error in an OperationOutcome. */
    @ServerResponseFilter
    public void problemsAsOutcomes(ContainerRequestContext request, ContainerResponseContext response) {
        if (!(response.getEntity() instanceof Problem problem) || !isFhir(request.getUriInfo().getPath())) {
            return;
        }
        List<FhirIntakeException.Issue> issues = new ArrayList<>();
        issues.add(new FhirIntakeException.Issue(Outcomes.codeFor(problem.status()), null, problem.detail()));
        if (problem.errors() != null) {
            problem.errors().forEach(error -> issues.add(new FhirIntakeException.Issue(
                    Outcomes.codeFor(problem.status()), null, error.field() + " " + error.message())));
        }
        FhirFormat format = answerFormat(request);
        response.setEntity(Outcomes.of(issues), null, jakarta.ws.rs.core.MediaType.valueOf(format.mediaType()));
    }

    @ServerExceptionMapper
    public Response refused(FhirIntakeException e, ContainerRequestContext request) {
        return Outcomes.response(e.status(), Outcomes.of(e.issues()), answerFormat(request));
    }

    static FhirFormat answerFormat(ContainerRequestContext request) {
        return FhirFormat.forAnswer(request.getUriInfo().getQueryParameters().getFirst("_format"),
                request.getHeaders().get(HttpHeaders.ACCEPT));
    }

    // Answers given before any resource runs (platform/http): the same OperationOutcome, written here.

    @Override
    public boolean writes(String path) {
        return isFhir(path);
    }

    @Override
    public Body body(RoutingContext context, int status, String detail) {
        FhirFormat format = FhirFormat.forAnswer(context.request().getParam("_format"),
                context.request().headers().getAll(HttpHeaders.ACCEPT));
        return new Body(format.mediaType(), format.parser(fhir)
                .encodeResourceToString(Outcomes.of(status, detail)));
    }
}
