package org.alongside.platform.http;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.alongside.platform.problem.Problem;
import org.alongside.platform.problem.ProblemException;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * A client that accepts {@code application/problem+json} but not plain JSON (openapi-generator's Java client sends
 * exactly that when an operation's error answer is listed before its success) is a JSON client: it is served the
 * {@code application/json} body rather than refused with 406. Any other Accept header is left as sent; one that is
 * not a list of media types at all is a 400 naming it.
 */
public class ProblemJsonAccept {

    private static final MediaType PROBLEM = MediaType.valueOf(Problem.MEDIA_TYPE);

    @ServerRequestFilter(preMatching = true)
    public void acceptJsonAlongsideProblems(ContainerRequestContext request) {
        List<MediaType> accepted;
        try {
            accepted = request.getAcceptableMediaTypes();
        } catch (IllegalArgumentException e) {
            // the client's mistake, answered as such: it had been a 500 on every endpoint of every service
            throw ProblemException.invalid(HttpHeaders.ACCEPT, "'" + request.getHeaderString(HttpHeaders.ACCEPT)
                    + "' is not a list of media types, such as application/json");
        }
        boolean problems = accepted.stream().anyMatch(type -> !type.isWildcardSubtype()
                && type.isCompatible(PROBLEM));
        boolean json = accepted.stream().anyMatch(type -> type.isCompatible(MediaType.APPLICATION_JSON_TYPE));
        if (problems && !json) {
            String sent = request.getHeaderString(HttpHeaders.ACCEPT);
            request.getHeaders().putSingle(HttpHeaders.ACCEPT, sent + ", " + MediaType.APPLICATION_JSON);
        }
    }
}
