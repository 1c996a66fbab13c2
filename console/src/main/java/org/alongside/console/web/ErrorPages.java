package org.alongside.console.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.alongside.console.api.ServiceRefused;
import org.alongside.console.api.ServiceUnavailable;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * What a person sees when something fails: which part is unavailable, or that the page does not exist for them;
 * never a stack trace. A record a service will not show this person is "not found", as the service says.
 */
public class ErrorPages {

    private static final Logger LOG = Logger.getLogger(ErrorPages.class);

    @CheckedTemplate(basePath = "errors")
    static class Templates {
        static native TemplateInstance unavailable(String service);

        static native TemplateInstance notFound();

        static native TemplateInstance forbidden();

        static native TemplateInstance refused(String service, String message);

        static native TemplateInstance failed();
    }

    @ServerExceptionMapper
    Response unavailable(ServiceUnavailable e) {
        LOG.warnf("%s unavailable: %s", e.service(), e.getCause() == null ? "" : e.getCause().toString());
        return html(503, Templates.unavailable(e.service()));
    }

    @ServerExceptionMapper
    Response refused(ServiceRefused e, UriInfo uri, jakarta.ws.rs.core.HttpHeaders headers,
            jakarta.ws.rs.core.Request request) {
        return switch (e.status()) {
            case 404 -> html(404, Templates.notFound());
            case 403 -> html(403, Templates.forbidden());
            // the service no longer accepts the session's token: sign in again, and come back here
            case 401 -> Response.seeOther(URI.create("/sign-in?return=" + URLEncoder.encode("GET".equals(
                    request.getMethod()) ? pathAndQuery(uri.getRequestUri())
                    : org.alongside.console.signin.DevSession.pageOf(headers.getHeaderString("Referer")),
                    StandardCharsets.UTF_8))).build();
            default -> {
                if (e.status() >= 500) {
                    LOG.errorf("%s failed: %s", e.service(), e.getMessage());
                    yield html(502, Templates.refused(e.service(), "It could not do this just now. Try again."));
                }
                yield html(e.status(), Templates.refused(e.service(), e.problem().message()));
            }
        };
    }

    @ServerExceptionMapper
    Response notFound(NotFoundException e) {
        return html(404, Templates.notFound());
    }

    @ServerExceptionMapper
    Response failed(Exception e) {
        if (e instanceof WebApplicationException web && web.getResponse().getStatus() < 500) {
            return web.getResponse();
        }
        LOG.error("page failed", e);
        return html(500, Templates.failed());
    }

    private static String pathAndQuery(URI uri) {
        return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }

    private static Response html(int status, TemplateInstance page) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).entity(page.render())
                .build();
    }
}
