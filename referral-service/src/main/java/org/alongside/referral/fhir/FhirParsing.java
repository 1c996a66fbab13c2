package org.alongside.referral.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.IParserErrorHandler;
import ca.uhn.fhir.parser.json.BaseJsonLikeValue;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiPredicate;
import org.hl7.fhir.instance.model.api.IBaseResource;

/**
 * Parses a request body as a FHIR R4 resource, JSON or XML, strictly: an unknown element, a value of the wrong
 * JSON type (an object where FHIR has an array) or an invalid code refuses the request, every problem reported at
 * once and, for JSON, at its FHIRPath ({@code Bundle.entry[14].resource.basedOn}).
 */
@ApplicationScoped
public class FhirParsing {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final FhirContext fhir;

    FhirParsing(FhirContext fhir) {
        this.fhir = fhir;
    }

    public IBaseResource parse(String body, String contentType) {
        FhirFormat format = FhirFormat.named(contentType).orElse(FhirFormat.JSON);
        if (body == null || body.isBlank()) {
            throw FhirIntakeException.required(null, "The request body is empty: send a FHIR R4 resource as "
                    + format.mediaType());
        }
        Problems problems = new Problems(format == FhirFormat.JSON ? body : null);
        // keep each entry's own id (MessageHeader.id is what a response names), not its fullUrl
        IParser parser = format.parser(fhir).setParserErrorHandler(problems)
                .setOverrideResourceIdWithBundleEntryFullUrl(false);
        IBaseResource resource;
        try {
            resource = parser.parseResource(body);
        } catch (DataFormatException | IllegalArgumentException e) {
            throw FhirIntakeException.invalid(null, "Not a FHIR R4 resource in " + format.mediaType() + ": "
                    + e.getMessage());
        }
        if (!problems.issues.isEmpty()) {
            throw new FhirIntakeException(400, problems.issues);
        }
        return resource;
    }

    /** Collects what HAPI finds wrong, locating each problem in the JSON when it can. */
    private static final class Problems implements IParserErrorHandler {

        private final String json;
        private JsonNode tree;
        private final List<FhirIntakeException.Issue> issues = new ArrayList<>();

        Problems(String json) {
            this.json = json;
        }

        @Override
        public void unknownElement(IParseLocation location, String name) {
            report("structure", name, (field, node) -> field.equals(name),
                    "is not an element of this FHIR R4 resource");
        }

        @Override
        public void unknownAttribute(IParseLocation location, String name) {
            report("structure", name, (field, node) -> field.equals(name), "is not an attribute FHIR R4 defines");
        }

        @Override
        public void incorrectJsonType(IParseLocation location, String name, BaseJsonLikeValue.ValueType expected,
                BaseJsonLikeValue.ScalarType expectedScalar, BaseJsonLikeValue.ValueType found,
                BaseJsonLikeValue.ScalarType foundScalar) {
            report("structure", name, (field, node) -> field.equals(name) && kind(node) == found,
                    "must be a JSON " + expected.name().toLowerCase() + ", not a JSON " + found.name().toLowerCase());
        }

        @Override
        public void invalidValue(IParseLocation location, String value, String error) {
            report("value", value, (field, node) -> node.isValueNode() && node.asText().equals(value),
                    "'" + value + "' is not valid here: " + error);
        }

        @Override
        public void unexpectedRepeatingElement(IParseLocation location, String name) {
            report("structure", name, (field, node) -> field.equals(name) && node.isArray(),
                    "may appear only once");
        }

        @Override
        public void missingRequiredElement(IParseLocation location, String name) {
            issues.add(new FhirIntakeException.Issue("required", null, name + " is required"));
        }

        @Override
        public void containedResourceWithNoId(IParseLocation location) {
            issues.add(new FhirIntakeException.Issue("structure", null,
                    "A contained resource has no id: it cannot be referenced"));
        }

        @Override
        public void unknownReference(IParseLocation location, String reference) {
            // references are resolved (or not) where they matter: a missing subject is reported there
        }

        @Override
        public void invalidInternalReference(IParseLocation location, String reference) {
            // as above
        }

        @Override
        public void extensionContainsValueAndNestedExtensions(IParseLocation location) {
            issues.add(new FhirIntakeException.Issue("structure", null,
                    "An extension has both a value and nested extensions"));
        }

        /** One issue for each place the JSON has the problem, or one without a place (XML, or not found). */
        private void report(String code, String name, BiPredicate<String, JsonNode> matches, String problem) {
            List<String> paths = new ArrayList<>();
            JsonNode root = tree();
            if (root != null && root.isObject()) {
                find(root, root.path("resourceType").asText("Resource"), matches, paths);
            }
            if (paths.isEmpty()) {
                issues.add(new FhirIntakeException.Issue(code, null, name + " " + problem));
            }
            for (String path : paths) {
                if (issues.stream().noneMatch(issue -> path.equals(issue.expression()))) {
                    issues.add(new FhirIntakeException.Issue(code, path, path + " " + problem));
                }
            }
        }

        private JsonNode tree() {
            if (tree == null && json != null) {
                try {
                    tree = JSON.readTree(json);
                } catch (JsonProcessingException e) {
                    tree = null;
                }
            }
            return tree;
        }

        private static void find(JsonNode node, String path, BiPredicate<String, JsonNode> matches,
                List<String> found) {
            if (node.isObject()) {
                for (Map.Entry<String, JsonNode> field : node.properties()) {
                    String name = field.getKey().startsWith("_") ? field.getKey().substring(1) : field.getKey();
                    String child = path + "." + name;
                    if (matches.test(field.getKey(), field.getValue())) {
                        found.add(child);
                    }
                    find(field.getValue(), child, matches, found);
                }
            } else if (node.isArray()) {
                for (int i = 0; i < node.size(); i++) {
                    if (matches.test("", node.get(i))) {
                        found.add(path + "[" + i + "]");
                    }
                    find(node.get(i), path + "[" + i + "]", matches, found);
                }
            }
        }

        private static BaseJsonLikeValue.ValueType kind(JsonNode node) {
            return node.isArray() ? BaseJsonLikeValue.ValueType.ARRAY
                    : node.isObject() ? BaseJsonLikeValue.ValueType.OBJECT
                    : node.isNull() ? BaseJsonLikeValue.ValueType.NULL : BaseJsonLikeValue.ValueType.SCALAR;
        }
    }
}
