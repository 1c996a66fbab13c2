package org.alongside.referral.fhir;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Documents /fhir as it answers: every body in JSON and XML, and every error an OperationOutcome (in place of the
 * problem+json the platform documents for the other endpoints).
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class FhirOpenApi implements OASFilter {

    private static final String OUTCOME_REF = "#/components/schemas/OperationOutcome";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        boolean documented = false;
        for (Map.Entry<String, PathItem> path : openAPI.getPaths().getPathItems().entrySet()) {
            if (!FhirHttp.isFhir(path.getKey()) || path.getValue().getOperations() == null) {
                continue;
            }
            for (Operation operation : path.getValue().getOperations().values()) {
                document(path.getKey(), operation);
                documented = true;
            }
        }
        if (documented) {
            if (openAPI.getComponents() == null) {
                openAPI.setComponents(OASFactory.createComponents());
            }
            openAPI.getComponents().addSchema("OperationOutcome", outcomeSchema());
        }
    }

    private static void document(String path, Operation operation) {
        if (operation.getRequestBody() != null) {
            bothFormats(operation.getRequestBody().getContent());
        }
        APIResponses responses = operation.getResponses();
        if (responses == null) {
            responses = OASFactory.createAPIResponses();
            operation.setResponses(responses);
        }
        if (responses.getAPIResponses() != null) {
            responses.getAPIResponses().forEach((code, response) -> {
                if (code.startsWith("2")) {
                    bothFormats(response.getContent());
                }
            });
        }
        boolean secured = operation.getSecurity() != null && !operation.getSecurity().isEmpty();
        if (secured) {
            outcome(responses, "401", "No valid bearer token");
            outcome(responses, "403", "The caller's role may not perform this interaction");
        }
        // an Accept header that is not a list of media types is a 400 for any interaction
        outcome(responses, "400", operation.getRequestBody() != null || operation.getParameters() != null
                ? "Invalid request: each issue's expression names the element"
                : "Invalid request: the Accept header is not a list of media types");
        if (operation.getRequestBody() != null) {
            outcome(responses, "413", "Request body larger than the limit (1 MB)");
            outcome(responses, "415", "Not FHIR JSON or XML");
        }
        if (path.contains("{") || path.endsWith("/Task")) {
            outcome(responses, "404", "No such referral, or one outside the caller's scope");
        }
        outcome(responses, "406", "Neither JSON nor XML is acceptable to the client");
        outcome(responses, "503", "The service cannot reach its database; nothing was changed");
    }

    private static void bothFormats(Content content) {
        if (content == null || content.getMediaTypes() == null) {
            return;
        }
        MediaType json = content.getMediaType(FhirProfile.MEDIA_TYPE);
        if (json != null && content.getMediaType(FhirProfile.XML_MEDIA_TYPE) == null) {
            content.addMediaType(FhirProfile.XML_MEDIA_TYPE, OASFactory.createMediaType().schema(json.getSchema()));
        }
    }

    private static void outcome(APIResponses responses, String code, String description) {
        Schema schema = OASFactory.createSchema().ref(OUTCOME_REF);
        APIResponse response = OASFactory.createAPIResponse().description(description)
                .content(OASFactory.createContent()
                        .addMediaType(FhirProfile.MEDIA_TYPE, OASFactory.createMediaType().schema(schema))
                        .addMediaType(FhirProfile.XML_MEDIA_TYPE, OASFactory.createMediaType().schema(schema)));
        responses.addAPIResponse(code, response);
    }

    private static Schema outcomeSchema() {
        Schema issue = OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .addProperty("severity", OASFactory.createSchema().addType(Schema.SchemaType.STRING))
                .addProperty("code", OASFactory.createSchema().addType(Schema.SchemaType.STRING))
                .addProperty("diagnostics", OASFactory.createSchema().addType(Schema.SchemaType.STRING))
                .addProperty("expression", OASFactory.createSchema().addType(Schema.SchemaType.ARRAY)
                        .items(OASFactory.createSchema().addType(Schema.SchemaType.STRING)));
        return OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .description("FHIR R4 OperationOutcome: each issue's severity, code, diagnostics and, where known, "
                        + "the FHIRPath of the element")
                .addProperty("resourceType", OASFactory.createSchema().addType(Schema.SchemaType.STRING))
                .addProperty("issue", OASFactory.createSchema().addType(Schema.SchemaType.ARRAY).items(issue));
    }
}
