package org.alongside.journey;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.RestAssured;
import io.restassured.config.EncoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.alongside.platform.testing.Tokens;
import org.junit.jupiter.api.Test;

/**
 * Every operation of every service answers bad input as the integration contract says: a 4xx that is problem+json
 * (under {@code /fhir} an OperationOutcome), never a 5xx or a stack trace. The inputs come from each service's OpenAPI
 * document, so a new endpoint is covered as soon as it is documented: bodies that are not JSON, or not an object;
 * each documented property given a value of the wrong type; path parameters of the wrong shape; each documented query
 * parameter given a value of the wrong type; a body of a media type the operation does not take; an Accept header
 * that is not a list of media types. Each is sent as a role docs/access-matrix.md lets in (without a token where it
 * is public), with the path naming records that exist (a supported person's referral, peer and session) where the
 * document's parameter names say which record is meant.
 */
class BadInputTest {

    /** Roles in the order tried: the first the access matrix lets in calls the operation. */
    private static final List<String> ROLES = List.of("admin", "coordinator", "supervisor", "commissioner",
            "referrer", "peer-worker");

    /** Bodies no operation may act on: not JSON, or JSON that is not an object. */
    private static final List<String> NOT_AN_OBJECT = List.of("{\"", "[]", "\"text\"", "42", "null", "{} {}");

    private static final Pattern PATH_PARAMETER = Pattern.compile("\\{([^}]+)}");

    private final Suite suite = Suite.get();

    @Test
    void everyOperationAnswersBadInputWithAProblemAndNeverA5xx() throws IOException {
        Journeys.Supported person = Journeys.supported(suite, "Robin", NhsNumbers.next(), "44054006",
                "Diabetes mellitus type 2");
        Map<String, Map<String, String>> matrix = AccessMatrixTest.read(
                Path.of(System.getProperty("alongside.root", "..")).resolve("docs/access-matrix.md"));
        List<String> defects = new ArrayList<>();
        int requests = 0;
        for (Suite.Service service : Suite.Service.values()) {
            Map<String, Object> document = suite.anonymous(service).get("/q/openapi?format=json").then()
                    .statusCode(200).extract().jsonPath().getMap("$");
            for (var path : map(document.get("paths")).entrySet()) {
                for (var entry : map(path.getValue()).entrySet()) {
                    String method = entry.getKey().toUpperCase();
                    String template = path.getKey();
                    String role = role(matrix.get(service.module + " " + method + " " + template));
                    if (role == null) {
                        continue;
                    }
                    Operation operation = new Operation(service, method, template, map(entry.getValue()), document,
                            token(role, person));
                    for (Call call : operation.badCalls(person)) {
                        requests++;
                        defects.addAll(call.send());
                    }
                }
            }
        }
        assertTrue(requests > 500, "only " + requests + " bad requests were derived from the documents");
        assertTrue(defects.isEmpty(), defects.size() + " of " + requests + " bad requests were answered wrongly:\n"
                + String.join("\n", defects));
    }

    /** The first role the access matrix lets call the operation, "public" where it needs none, else null. */
    private static String role(Map<String, String> cells) {
        if (cells == null) {
            return null;
        }
        if (cells.containsValue("public")) {
            return "public";
        }
        return ROLES.stream().filter(role -> "yes".equals(cells.get(role))).findFirst().orElse(null);
    }

    private static String token(String role, Journeys.Supported person) {
        return switch (role) {
            case "public" -> null;
            case "peer-worker" -> Tokens.peerWorker(person.peerId());
            case "referrer" -> Tokens.referrer(Journeys.ODS);
            default -> Tokens.as(role);
        };
    }

    /** One documented operation, and the bad requests derived from its document. */
    private record Operation(Suite.Service service, String method, String template, Map<String, Object> spec,
            Map<String, Object> document, String token) {

        List<Call> badCalls(Journeys.Supported person) {
            String existing = fill(template, person);
            List<Call> calls = new ArrayList<>();
            calls.add(call(existing, "Accept: garbage").accepting("garbage"));
            Matcher parameters = PATH_PARAMETER.matcher(template);
            while (parameters.find()) {
                // 3,000 characters: more than PostgreSQL can index, less than the longest request line taken
                for (String wrong : List.of("not-an-id", "0", "%25", "x".repeat(3000))) {
                    String url = fill(template.replace(parameters.group(), wrong), person);
                    calls.add(call(url, "path parameter " + parameters.group(1) + "=" + abbreviate(wrong)));
                }
            }
            for (Map<String, Object> parameter : parameters()) {
                if (!"query".equals(parameter.get("in"))) {
                    continue;
                }
                String name = (String) parameter.get("name");
                for (String wrong : wrongQueryValues(resolve(parameter.get("schema")))) {
                    calls.add(call(existing + "?" + name + "=" + wrong, "query " + name + "=" + abbreviate(wrong)));
                }
            }
            Map<String, Object> requestBody = resolve(spec.get("requestBody"));
            Map<String, Object> content = map(requestBody.get("content"));
            if (content.isEmpty()) {
                return calls;
            }
            String mediaType = content.keySet().iterator().next();
            for (String body : NOT_AN_OBJECT) {
                // JSON's null is no body, which an operation whose body is optional takes
                if (!body.equals("null") || Boolean.TRUE.equals(requestBody.get("required"))) {
                    calls.add(call(existing, "body " + body).withBody(mediaType, body, true));
                }
            }
            calls.add(call(existing, "a text/plain body").withBody("text/plain", "hello", true));
            Map<String, Object> schema = resolve(map(content.get(mediaType)).get("schema"));
            for (String body : objects(schema, 0, this::wrongValues)) {
                calls.add(call(existing, "body " + abbreviate(body)).withBody(mediaType, body, true));
            }
            // well typed but longer than anyone would write: refused or taken, never a 5xx
            for (String body : objects(schema, 0, this::longValues)) {
                calls.add(call(existing, "body " + abbreviate(body)).withBody(mediaType, body, false));
            }
            return calls;
        }

        /**
         * Objects with one property given each of the values {@code values} has for it, down to the properties of
         * objects within objects (and within their lists) two levels deep.
         */
        private List<String> objects(Map<String, Object> schema, int depth,
                Function<Map<String, Object>, List<String>> values) {
            List<String> objects = new ArrayList<>();
            for (var property : map(schema.get("properties")).entrySet()) {
                Map<String, Object> propertySchema = resolve(property.getValue());
                String prefix = "{\"" + property.getKey() + "\": ";
                for (String wrong : values.apply(propertySchema)) {
                    objects.add(prefix + wrong + "}");
                }
                if (depth < 2) {
                    boolean list = type(propertySchema).equals("array");
                    Map<String, Object> element = list ? resolve(propertySchema.get("items")) : propertySchema;
                    for (String inner : objects(element, depth + 1, values)) {
                        objects.add(prefix + (list ? "[" + inner + "]" : inner) + "}");
                    }
                }
            }
            return objects;
        }

        private Call call(String url, String what) {
            return new Call(this, url, what, null, null, false, null);
        }

        @SuppressWarnings("unchecked")
        private List<Map<String, Object>> parameters() {
            List<Map<String, Object>> all = new ArrayList<>();
            for (Object parameter : (List<Object>) spec.getOrDefault("parameters", List.of())) {
                all.add(resolve(parameter));
            }
            return all;
        }

        /** Path parameters filled with the supported person's records where the name says which, else unknown ids. */
        private static String fill(String template, Journeys.Supported person) {
            Matcher parameters = PATH_PARAMETER.matcher(template);
            StringBuilder url = new StringBuilder();
            while (parameters.find()) {
                String name = parameters.group(1);
                String before = template.substring(0, parameters.start());
                String value;
                if (name.equals("referralId") || name.equals("id") && (before.equals("/referrals/")
                        || before.startsWith("/fhir/"))) {
                    value = person.referralId();
                } else if (name.equals("peerId") || name.equals("id") && before.equals("/peers/")) {
                    value = person.peerId().toString();
                } else if (name.equals("id") && before.equals("/sessions/")) {
                    value = person.sessionId();
                } else if (name.equals("odsCode")) {
                    value = Journeys.ODS;
                } else if (name.equals("snomedCode")) {
                    value = "44054006";
                } else {
                    value = UUID.randomUUID().toString();
                }
                parameters.appendReplacement(url, Matcher.quoteReplacement(value));
            }
            parameters.appendTail(url);
            return url.toString();
        }

        @SuppressWarnings("unchecked")
        private Map<String, Object> resolve(Object schema) {
            Map<String, Object> resolved = map(schema);
            while (resolved.get("$ref") instanceof String ref) {
                Object target = document;
                for (String part : ref.substring(2).split("/")) {
                    target = ((Map<String, Object>) target).get(part);
                }
                resolved = map(target);
            }
            // a single schema wrapped in allOf, or made nullable with anyOf/oneOf [schema, {type: null}]
            for (String combinator : List.of("allOf", "anyOf", "oneOf")) {
                if (resolved.get(combinator) instanceof List<?> parts) {
                    List<?> alternatives = parts.stream().filter(part -> !"null".equals(map(part).get("type")))
                            .toList();
                    if (alternatives.size() == 1) {
                        return resolve(alternatives.get(0));
                    }
                }
            }
            return resolved;
        }

        /** The schema's type, the one besides null where it is nullable; "unknown" where it does not say. */
        private static String type(Map<String, Object> schema) {
            Object type = schema.get("type");
            if (type instanceof List<?> types) {
                return types.stream().map(String::valueOf).filter(name -> !name.equals("null")).findFirst()
                        .orElse("null");
            }
            if (type != null) {
                return type.toString();
            }
            return schema.containsKey("properties") ? "object" : schema.containsKey("items") ? "array" : "unknown";
        }

        /** JSON values of the wrong type for the schema, or outside it. */
        private List<String> wrongValues(Map<String, Object> schema) {
            String type = type(schema);
            String format = String.valueOf(schema.get("format"));
            List<String> wrong = new ArrayList<>();
            switch (type) {
                case "integer" -> wrong.addAll(List.of("\"many\"", "\"5\"", "1.5", "1.5e400",
                        "99999999999999999999", "true", "{}"));
                case "number" -> wrong.addAll(List.of("\"many\"", "\"5\"", "1.5e400", "true", "{}"));
                case "boolean" -> wrong.addAll(List.of("\"perhaps\"", "\"true\"", "2", "[]"));
                case "array" -> {
                    wrong.addAll(List.of("\"text\"", "{}", "[null]"));
                    Map<String, Object> items = resolve(schema.get("items"));
                    for (String item : wrongValues(items)) {
                        wrong.add("[" + item + "]");
                    }
                }
                case "object" -> wrong.addAll(List.of("\"text\"", "[]", "7"));
                case "string" -> wrong.addAll(List.of("{}", "[]", "7", "false"));
                default -> { }
            }
            if (schema.get("enum") != null) {
                wrong.addAll(List.of("\"NOT_A_VALUE\"", "0"));
            }
            switch (format) {
                case "uuid" -> wrong.add("\"not-a-uuid\"");
                case "date" -> wrong.addAll(List.of("\"31/12/2020\"", "\"2020-02-30\""));
                case "date-time" -> wrong.addAll(List.of("\"yesterday\"", "\"2020-13-01T00:00:00Z\""));
                case "duration" -> wrong.add("\"a while\"");
                default -> { }
            }
            return wrong;
        }

        /** A text of 5,000 characters where the schema takes free text, in a list where it takes a list of it. */
        private List<String> longValues(Map<String, Object> schema) {
            String type = type(schema);
            if (type.equals("array")) {
                return longValues(resolve(schema.get("items"))).stream().map(text -> "[" + text + "]").toList();
            }
            boolean freeText = type.equals("string") && schema.get("enum") == null && schema.get("format") == null;
            return freeText ? List.of("\"" + "x".repeat(5000) + "\"") : List.of();
        }

        /** Query values of the wrong type for the schema. */
        private List<String> wrongQueryValues(Map<String, Object> schema) {
            String type = type(schema);
            if (type.equals("array")) {
                return wrongQueryValues(resolve(schema.get("items")));
            }
            List<String> wrong = new ArrayList<>();
            switch (type) {
                case "integer", "number" -> wrong.addAll(List.of("many", "99999999999999999999", "-1", "2147483647"));
                case "boolean" -> wrong.add("perhaps");
                default -> { }
            }
            if (schema.get("enum") != null) {
                wrong.add("NOT_A_VALUE");
            }
            switch (String.valueOf(schema.get("format"))) {
                case "uuid" -> wrong.add("not-a-uuid");
                case "date" -> wrong.addAll(List.of("31-12-2020", "2020-02-30"));
                case "date-time" -> wrong.add("yesterday");
                default -> { }
            }
            return wrong;
        }
    }

    /** One bad request, and what is wrong with its answer. */
    private record Call(Operation operation, String url, String what, String mediaType, String body, boolean bad,
            String accept) {

        /** The same request with a body; a bad one no operation may act on. */
        Call withBody(String type, String content, boolean isBad) {
            return new Call(operation, url, what, type, content, isBad, accept);
        }

        /** The same request asking for an answer in what is not a media type at all. */
        Call accepting(String mediaRange) {
            return new Call(operation, url, what, mediaType, body, bad, mediaRange);
        }

        List<String> send() {
            RequestSpecification request = RestAssured.given().baseUri(suite().url(operation.service()))
                    .urlEncodingEnabled(false).redirects().follow(false)
                    .config(RestAssuredConfig.config().encoderConfig(EncoderConfig.encoderConfig()
                            .appendDefaultContentCharsetToContentTypeIfUndefined(false)));
            if (operation.token() != null) {
                request.header("Authorization", Tokens.bearer(operation.token()));
            }
            if (accept != null) {
                request.accept(accept);
            }
            if (body != null) {
                request.contentType(mediaType).body(body);
            } else if (!operation.method().equals("GET") && !operation.method().equals("DELETE")) {
                request.contentType(operation.method().equals("PATCH") ? "application/merge-patch+json"
                        : "application/json").body("{}");
            }
            Response response = request.request(operation.method(), url);
            String answer = response.asString();
            String contentType = String.valueOf(response.contentType());
            int status = response.statusCode();
            String said = operation.service().module + " " + operation.method() + " " + url.replaceAll(
                    "x{20,}", "x...") + " with " + what + ": " + status + " " + contentType + " "
                    + abbreviate(answer.replace('\n', ' '));
            List<String> defects = new ArrayList<>();
            if (status >= 500) {
                defects.add(said);
            } else if (status >= 400 && !answersAsAProblem(contentType, answer)) {
                defects.add("not a problem: " + said);
            } else if (status < 400 && bad) {
                defects.add("acted on a bad body: " + said);
            }
            if (answer.contains("Exception") || answer.contains("\tat ") || answer.contains("at java.")) {
                defects.add("says too much: " + said);
            }
            return defects;
        }

        private boolean answersAsAProblem(String contentType, String answer) {
            if (url.startsWith("/fhir")) {
                return contentType.startsWith("application/fhir+json") && answer.contains("OperationOutcome");
            }
            return contentType.startsWith("application/problem+json");
        }

        private static Suite suite() {
            return Suite.get();
        }
    }

    private static String abbreviate(String text) {
        return text.length() > 160 ? text.substring(0, 160) + "..." : text;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> map ? (Map<String, Object>) map : new LinkedHashMap<>();
    }
}
