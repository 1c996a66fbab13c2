package org.alongside.console.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.function.Supplier;

/**
 * Turns what a REST client throws into what a page can act on: {@link ServiceRefused} with the service's problem,
 * or {@link ServiceUnavailable} when it cannot be reached or is overloaded. Every client class calls through here.
 */
public final class ServiceCalls {

    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private ServiceCalls() {
    }

    public static <T> T call(String service, Supplier<T> call) {
        try {
            return call.get();
        } catch (WebApplicationException e) {
            throw refusal(service, e.getResponse());
        } catch (ProcessingException e) {
            throw new ServiceUnavailable(service, e);
        }
    }

    public static void run(String service, Runnable call) {
        call(service, () -> {
            call.run();
            return null;
        });
    }

    private static RuntimeException refusal(String service, Response response) {
        int status = response.getStatus();
        if (status == 502 || status == 503 || status == 504) {
            return new ServiceUnavailable(service, null);
        }
        Problem problem = null;
        try {
            if (response.hasEntity()) {
                problem = JSON.readValue(response.readEntity(String.class), Problem.class);
            }
        } catch (Exception notProblemJson) {
            // a body that is not problem+json says nothing a person can use; the status still does
        }
        return new ServiceRefused(service, status, problem);
    }
}
