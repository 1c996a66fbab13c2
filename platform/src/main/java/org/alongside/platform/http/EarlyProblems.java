package org.alongside.platform.http;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.Json;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Map;
import org.alongside.platform.problem.Problem;

/**
 * Answers a request on the event loop, before any resource runs, with the same problem+json body the problem
 * mappers write (or the body an {@link EarlyErrorWriter} writes for its paths), and closes the connection (the
 * request body may not have been read).
 */
final class EarlyProblems {

    private EarlyProblems() {
    }

    static void answer(RoutingContext context, Iterable<EarlyErrorWriter> writers, int status, String kind,
            String title, String detail, Map<String, String> headers) {
        String path = context.request().path();
        EarlyErrorWriter.Body body = null;
        for (EarlyErrorWriter writer : writers) {
            if (writer.writes(path)) {
                body = writer.body(context, status, detail);
                break;
            }
        }
        if (body == null) {
            body = new EarlyErrorWriter.Body(Problem.MEDIA_TYPE,
                    Json.encode(new Problem(Problem.TYPE_BASE + kind, title, status, detail, path, List.of())));
        }
        HttpServerResponse response = context.response().setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, body.contentType()).putHeader(HttpHeaders.CONNECTION, "close");
        headers.forEach(response::putHeader);
        response.end(body.text());
    }
}
