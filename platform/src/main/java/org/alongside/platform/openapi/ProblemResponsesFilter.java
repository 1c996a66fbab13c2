package org.alongside.platform.openapi;

import java.util.Map;
import org.alongside.platform.problem.Problem;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Documents the error answers every operation can give, the same way in every service: 401 and 403 for secured
 * operations, 400 (an Accept header that is not media types, or where a body or parameters are read a bad one),
 * 413 and 415 where a body is read, 404 where the path or a required uuid query parameter names a record, 406 for an
 * Accept header the operation cannot satisfy, 503 when the database is away, each as an RFC 9457 problem.
 * Operations document only what is specific to them (a 409, a 404 where the path names no record); this filter says
 * the rest, in the same words everywhere.
 */
public class ProblemResponsesFilter implements OASFilter {

    private static final String PROBLEM_REF = "#/components/schemas/Problem";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        Components components = openAPI.getComponents();
        if (components == null) {
            components = OASFactory.createComponents();
            openAPI.setComponents(components);
        }
        if (components.getSchemas() == null || !components.getSchemas().containsKey("Problem")) {
            components.addSchema("Problem", problemSchema());
        }
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        for (Map.Entry<String, PathItem> path : openAPI.getPaths().getPathItems().entrySet()) {
            if (path.getKey().startsWith("/q/")) {
                continue;
            }
            Map<PathItem.HttpMethod, Operation> operations = path.getValue().getOperations();
            if (operations == null) {
                continue;
            }
            for (Operation operation : operations.values()) {
                document(path.getKey(), operation);
            }
        }
    }

    private static void document(String path, Operation operation) {
        APIResponses responses = operation.getResponses();
        if (responses == null) {
            responses = OASFactory.createAPIResponses();
            operation.setResponses(responses);
        }
        boolean secured = operation.getSecurity() != null && !operation.getSecurity().isEmpty();
        if (secured) {
            add(responses, "401", "No valid bearer token");
            add(responses, "403", "The caller's role may not perform this operation");
        }
        boolean readsInput = operation.getRequestBody() != null
                || (operation.getParameters() != null && !operation.getParameters().isEmpty());
        // every operation reads the Accept header, and one that is not a list of media types is a 400 too
        add(responses, "400", readsInput ? "Invalid request: the problem's errors name each field that is wrong"
                : "Invalid request: the Accept header is not a list of media types");
        if (operation.getRequestBody() != null) {
            add(responses, "413", "Request body larger than the limit (1 MB)");
            add(responses, "415", "The body's Content-Type is not one this operation reads");
        }
        add(responses, "406", "The Accept header names no media type this operation answers in");
        if (path.contains("{") || namesRecordInQuery(operation)) {
            add(responses, "404", "No such record, or one outside the caller's scope");
        }
        add(responses, "503", "The service cannot reach its database; nothing was changed");
    }

    /** A required uuid query parameter names a record as a path would (e.g. {@code GET /sessions?referralId=}). */
    private static boolean namesRecordInQuery(Operation operation) {
        return operation.getParameters() != null && operation.getParameters().stream()
                .anyMatch(parameter -> parameter.getIn() == Parameter.In.QUERY
                        && Boolean.TRUE.equals(parameter.getRequired()) && parameter.getSchema() != null
                        && "uuid".equals(parameter.getSchema().getFormat()));
    }

    /**
     * Adds the problem answer. One that Quarkus generated (its 400, 401 and 403, without a body and with a bare
     * "Bad Request") is replaced; one the operation documents itself, with its body, is left as it is.
     */
    private static void add(APIResponses responses, String code, String description) {
        APIResponse existing = responses.getAPIResponse(code);
        if (existing != null && existing.getContent() != null && existing.getContent().getMediaTypes() != null
                && !existing.getContent().getMediaTypes().isEmpty()) {
            return;
        }
        APIResponse response = OASFactory.createAPIResponse()
                .description(description)
                .content(OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE,
                        OASFactory.createMediaType().schema(OASFactory.createSchema().ref(PROBLEM_REF))));
        responses.addAPIResponse(code, response);
    }

    private static Schema problemSchema() {
        Schema fieldError = OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .addProperty("field", OASFactory.createSchema().addType(Schema.SchemaType.STRING))
                .addProperty("message", OASFactory.createSchema().addType(Schema.SchemaType.STRING));
        return OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .description("RFC 9457 problem details")
                .addProperty("type", OASFactory.createSchema().addType(Schema.SchemaType.STRING))
                .addProperty("title", OASFactory.createSchema().addType(Schema.SchemaType.STRING))
                .addProperty("status", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER))
                .addProperty("detail", OASFactory.createSchema().addType(Schema.SchemaType.STRING))
                .addProperty("instance", OASFactory.createSchema().addType(Schema.SchemaType.STRING))
                .addProperty("errors", OASFactory.createSchema().addType(Schema.SchemaType.ARRAY).items(fieldError));
    }
}
