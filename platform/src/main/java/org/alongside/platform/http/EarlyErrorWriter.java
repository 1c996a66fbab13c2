package org.alongside.platform.http;

import io.vertx.ext.web.RoutingContext;

/**
 * A part of a service whose clients are promised errors in a format of their own (FHIR: an OperationOutcome)
 * writes the answers given before any resource runs (a body too large, a shutdown under way) for its paths;
 * every other path gets the problem+json of {@link EarlyProblems}.
 */
public interface EarlyErrorWriter {

    /** An answer's body and its media type. */
    record Body(String contentType, String text) {
    }

    /** Whether this writer answers requests to the path. */
    boolean writes(String path);

    Body body(RoutingContext context, int status, String detail);
}
