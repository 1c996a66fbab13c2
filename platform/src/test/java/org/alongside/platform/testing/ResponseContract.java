package org.alongside.platform.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Holds every answer a test receives from a service to the OpenAPI document that service publishes: the status must
 * be documented for the operation, the media type documented for that status, and a JSON body must validate against
 * the documented schema (JSON Schema 2020-12, the dialect of OpenAPI 3.1, with formats asserted). A generated
 * client trusts the document; an answer that breaks it breaks that client.
 * <p>
 * Used as a REST Assured filter ({@link #filter}); each service's document is read once from its
 * {@code /q/openapi}. Requests to anything but an Alongside service ({@code /q/*} itself included), HEAD requests
 * and CORS preflights pass unchecked.
 */
public final class ResponseContract implements Filter {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    private static final Map<String, Document> DOCUMENTS = new ConcurrentHashMap<>();

    @Override
    public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification responseSpec,
            FilterContext context) {
        Response response = context.next(request, responseSpec);
        URI uri = URI.create(request.getURI());
        if (uri.getPath().startsWith("/q/") || "HEAD".equalsIgnoreCase(request.getMethod())
                || isCorsPreflight(request)) {
            return response;
        }
        String base = uri.getScheme() + "://" + uri.getAuthority();
        List<String> problems = DOCUMENTS.computeIfAbsent(base, Document::load)
                .check(request.getMethod(), uri.getPath(), response.getStatusCode(), response.getContentType(),
                        response.asString());
        if (!problems.isEmpty()) {
            throw new AssertionError(request.getMethod() + " " + uri.getPath() + " answered " + response.getStatusCode()
                    + " in a way its OpenAPI document does not allow:\n  - " + String.join("\n  - ", problems)
                    + "\nbody: " + abbreviate(response.asString()));
        }
        return response;
    }

    /** Checks one answer; the problems found, none when it keeps to the document. */
    public static List<String> check(String base, String method, String path, int status, String contentType,
            String body) {
        return DOCUMENTS.computeIfAbsent(base, Document::load).check(method, path, status, contentType, body);
    }

    /**
     * A browser's CORS preflight is answered by the HTTP layer's CORS filter before any operation runs; the document
     * describes operations, and a generated client never sends one.
     */
    private static boolean isCorsPreflight(FilterableRequestSpecification request) {
        return "OPTIONS".equalsIgnoreCase(request.getMethod())
                && request.getHeaders().hasHeaderWithName("Access-Control-Request-Method");
    }

    /**
     * Checks a request body against the schema the document gives it: the problems found, none when a client
     * generated from the document could send it. Requests are not checked as they go (a test sends bad ones on
     * purpose); a test that shows what clients may send asks here.
     */
    public static List<String> checkRequest(String base, String method, String path, String contentType,
            String body) {
        return DOCUMENTS.computeIfAbsent(base, Document::load).checkRequest(method, path, contentType, body);
    }

    private static String abbreviate(String body) {
        return body.length() > 2_000 ? body.substring(0, 2_000) + "..." : body;
    }

    /** One service's OpenAPI document, with its path templates compiled and schemas built on first use. */
    private record Document(JsonNode openApi, List<Template> templates, Map<String, Schema> schemas) {

        static Document load(String base) {
            try {
                HttpResponse<String> answer = HttpClient.newHttpClient().send(
                        HttpRequest.newBuilder(URI.create(base + "/q/openapi?format=json")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() != 200) {
                    throw new IllegalStateException(base + "/q/openapi answered " + answer.statusCode());
                }
                JsonNode openApi = JSON.readTree(answer.body());
                List<Template> templates = new ArrayList<>();
                openApi.path("paths").fieldNames().forEachRemaining(path -> templates.add(Template.of(path)));
                // a literal segment beats a variable: /referrals/waiting before /referrals/{id}
                templates.sort(Comparator.comparingInt(Template::variables));
                return new Document(openApi, templates, new ConcurrentHashMap<>());
            } catch (IOException e) {
                throw new IllegalStateException("Could not read the OpenAPI document of " + base, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        List<String> check(String method, String path, int status, String contentType, String body) {
            Optional<Template> template = templates.stream().filter(t -> t.matches(path)).findFirst();
            if (template.isEmpty()) {
                return status == 404 || status == 405 ? List.of() : List.of("no path of the document matches " + path);
            }
            String pointer = "/paths/" + escape(template.get().path()) + "/" + method.toLowerCase(Locale.ROOT);
            JsonNode operation = openApi.at(pointer);
            if (operation.isMissingNode()) {
                return status == 405 ? List.of()
                        : List.of(method + " is not an operation of " + template.get().path());
            }
            String code = responseCode(operation.path("responses"), status);
            if (code == null) {
                return List.of("status " + status + " is not documented for " + method + " " + template.get().path());
            }
            JsonNode content = operation.path("responses").path(code).path("content");
            boolean emptyBody = body == null || body.isEmpty();
            if (content.isMissingNode() || content.isEmpty()) {
                return emptyBody ? List.of() : List.of("status " + status + " is documented without a body, "
                        + "but one came (" + contentType + ")");
            }
            if (emptyBody) {
                return List.of("status " + status + " is documented with a body (" + fieldNames(content)
                        + "), but none came");
            }
            String mediaType = contentType == null ? "" : contentType.split(";")[0].strip().toLowerCase(Locale.ROOT);
            String documented = content.has(mediaType) ? mediaType : content.has("*/*") ? "*/*" : null;
            if (documented == null) {
                return List.of("media type " + mediaType + " is not documented for status " + status + " (only "
                        + fieldNames(content) + ")");
            }
            if (!isJson(mediaType) || !content.path(documented).has("schema")) {
                return List.of();
            }
            return validate(pointer + "/responses/" + escape(code) + "/content/" + escape(documented) + "/schema",
                    body);
        }

        List<String> checkRequest(String method, String path, String contentType, String body) {
            Optional<Template> template = templates.stream().filter(t -> t.matches(path)).findFirst();
            if (template.isEmpty()) {
                return List.of("no path of the document matches " + path);
            }
            String pointer = "/paths/" + escape(template.get().path()) + "/" + method.toLowerCase(Locale.ROOT);
            String mediaType = contentType.split(";")[0].strip().toLowerCase(Locale.ROOT);
            JsonNode content = openApi.at(pointer + "/requestBody/content");
            if (!content.has(mediaType)) {
                return List.of(method + " " + template.get().path() + " documents no " + mediaType + " body");
            }
            return validate(pointer + "/requestBody/content/" + escape(mediaType) + "/schema", body);
        }

        private List<String> validate(String schemaPointer, String body) {
            Schema schema = schemas.computeIfAbsent(schemaPointer, p -> schema(openApi.at(p)));
            return schema.validate(body, InputFormat.JSON, execution -> execution.executionConfig(
                    config -> config.formatAssertionsEnabled(true))).stream()
                    .map(error -> (error.getInstanceLocation().toString().isEmpty() ? "body"
                            : error.getInstanceLocation().toString()) + ": " + error.getMessage())
                    .toList();
        }

        /** The operation's schema, its references to components resolved within the document. */
        private Schema schema(JsonNode schema) {
            ObjectNode root = JSON.createObjectNode();
            root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
            root.set("components", openApi.path("components"));
            root.set("allOf", JSON.createArrayNode().add(schema));
            return SCHEMAS.getSchema(root.toString(), InputFormat.JSON);
        }

        private static String responseCode(JsonNode responses, int status) {
            String exact = Integer.toString(status);
            if (responses.has(exact)) {
                return exact;
            }
            String range = status / 100 + "XX";
            return responses.has(range) ? range : responses.has("default") ? "default" : null;
        }

        private static boolean isJson(String mediaType) {
            return mediaType.equals("application/json") || mediaType.endsWith("+json");
        }

        private static String fieldNames(JsonNode node) {
            List<String> names = new ArrayList<>();
            for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
                names.add(it.next());
            }
            return String.join(", ", names);
        }

        private static String escape(String pointerToken) {
            return pointerToken.replace("~", "~0").replace("/", "~1");
        }
    }

    private record Template(String path, Pattern pattern, int variables) {

        static Template of(String path) {
            StringBuilder regex = new StringBuilder();
            int variables = 0;
            for (String part : path.split("(?=\\{)|(?<=\\})")) {
                if (part.startsWith("{") && part.endsWith("}")) {
                    regex.append("[^/]+");
                    variables++;
                } else {
                    regex.append(Pattern.quote(part));
                }
            }
            return new Template(path, Pattern.compile(regex + "/?"), variables);
        }

        boolean matches(String requestPath) {
            return pattern.matcher(requestPath).matches();
        }
    }
}
