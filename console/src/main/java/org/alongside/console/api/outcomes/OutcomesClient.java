package org.alongside.console.api.outcomes;

import static org.alongside.console.api.ServiceCalls.call;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/** The console's one way to outcomes-service. */
@ApplicationScoped
public class OutcomesClient {

    public static final String SERVICE = "Outcomes";

    private final OutcomesApi api;

    OutcomesClient(@RestClient OutcomesApi api) {
        this.api = api;
    }

    public Dashboard.Summary summary(String from, String to, String groupBy) {
        return call(SERVICE, () -> api.summary(blankToNull(from), blankToNull(to), blankToNull(groupBy)));
    }

    /** The CSV and its Content-Disposition, to pass on to the browser as the service named it. */
    public Csv csv(String from, String to, String groupBy) {
        return call(SERVICE, () -> {
            try (Response response = api.csv(blankToNull(from), blankToNull(to), blankToNull(groupBy))) {
                return new Csv(response.readEntity(String.class), response.getHeaderString("Content-Disposition"));
            }
        });
    }

    public record Csv(String body, String contentDisposition) {
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
