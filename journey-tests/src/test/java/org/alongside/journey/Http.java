package org.alongside.journey;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.alongside.platform.testing.Tokens;

/**
 * Plain HTTP calls for load under faults: unlike RestAssured, a refused connection or a cut response is an
 * outcome to count ({@link Outcome#ioError}), not an exception.
 */
final class Http {

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1).build();

    private Http() {
    }

    /** A status and body, or the I/O error that took their place. */
    record Outcome(int status, String contentType, String body, IOException ioError) {

        boolean is(int expected) {
            return ioError == null && status == expected;
        }

        /** 503 with a problem+json body saying 503: a clean refusal. */
        boolean cleanUnavailable() {
            return ioError == null && status == 503 && contentType != null
                    && contentType.startsWith("application/problem+json") && body.contains("\"status\":503");
        }

        /** The connection was refused: the server was not there to accept the request at all. */
        boolean refused() {
            return ioError instanceof java.net.ConnectException;
        }

        String describe() {
            return ioError != null ? ioError.getClass().getSimpleName() + ": " + ioError.getMessage()
                    : status + " " + contentType + " " + (body.length() > 300 ? body.substring(0, 300) : body);
        }
    }

    static Outcome get(String url, String token) {
        return send(HttpRequest.newBuilder(URI.create(url)).GET(), token, Map.of());
    }

    static Outcome post(String url, String token, String json, Map<String, String> headers) {
        return send(HttpRequest.newBuilder(URI.create(url)).POST(HttpRequest.BodyPublishers.ofString(json))
                .header("Content-Type", "application/json"), token, headers);
    }

    private static Outcome send(HttpRequest.Builder request, String token, Map<String, String> headers) {
        request.timeout(Duration.ofSeconds(60)).header("Authorization", Tokens.bearer(token));
        headers.forEach(request::header);
        try {
            HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Outcome(response.statusCode(), response.headers().firstValue("Content-Type").orElse(null),
                    response.body(), null);
        } catch (IOException e) {
            return new Outcome(0, null, null, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String json(Object value) {
        try {
            return Faults.MAPPER.writeValueAsString(value);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static String idOf(Outcome outcome) {
        try {
            return Faults.MAPPER.readTree(outcome.body()).path("id").asText();
        } catch (IOException e) {
            throw new IllegalStateException(outcome.describe(), e);
        }
    }
}
