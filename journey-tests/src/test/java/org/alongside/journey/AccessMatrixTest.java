package org.alongside.journey;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.alongside.platform.testing.Tokens;
import org.junit.jupiter.api.Test;

/**
 * Enforces docs/access-matrix.md: every endpoint in every service's OpenAPI document has a row; without a token,
 * with an expired token or a wrongly signed one it answers 401; each role gets exactly what its cell says
 * (403 for "-", anything but 401/403 otherwise). A new endpoint without a row fails the build.
 * Regenerate the table from the running suite with -Dalongside.matrix.write=true, then review it.
 */
class AccessMatrixTest {

    static final List<String> ROLES = List.of("referrer", "coordinator", "peer-worker", "supervisor", "commissioner",
            "admin");

    private final Suite suite = Suite.get();

    @Test
    void everyEndpointAnswersEachRoleAsTheMatrixSays() throws IOException {
        Path matrixFile = Path.of(System.getProperty("alongside.root", "..")).resolve("docs/access-matrix.md");
        Map<String, Map<String, String>> matrix = read(matrixFile);
        Map<String, Map<String, String>> observed = new TreeMap<>();
        List<String> defects = new ArrayList<>();
        for (Suite.Service service : Suite.Service.values()) {
            JsonPath doc = suite.anonymous(service).get("/q/openapi?format=json").then().extract().jsonPath();
            Map<String, Map<String, Object>> paths = doc.getMap("paths");
            for (var path : paths.entrySet()) {
                for (String method : path.getValue().keySet()) {
                    String key = service.module + " " + method.toUpperCase() + " " + path.getKey();
                    String url = concrete(path.getKey());
                    Map<String, String> cells = new LinkedHashMap<>();
                    // the FHIR capability statement and the event contract (schemas, AsyncAPI) are for anyone
                    boolean isPublic = path.getKey().equals("/fhir/metadata") || path.getKey().startsWith("/events/");
                    if (!isPublic) {
                        for (String bad : List.of("none", Tokens.expired("admin"), Tokens.wronglySigned("admin"))) {
                            int status = call(service, bad.equals("none") ? null : bad, method, url);
                            if (status != 401) {
                                defects.add(key + ": " + (bad.equals("none") ? "no token" : "a bad token")
                                        + " answered " + status + ", not 401");
                            }
                        }
                    }
                    for (String role : ROLES) {
                        int status = call(service, token(role), method, url);
                        cells.put(role, isPublic ? "public" : status == 403 ? "-" : "yes");
                        if (status == 401) {
                            defects.add(key + ": a valid " + role + " token answered 401");
                        }
                    }
                    observed.put(key, cells);
                    Map<String, String> expected = matrix.get(key);
                    if (expected == null) {
                        defects.add(key + ": no row in docs/access-matrix.md");
                    } else if (!expected.equals(cells)) {
                        defects.add(key + ": matrix says " + expected + " but the service answers " + cells);
                    }
                }
            }
        }
        for (String documented : matrix.keySet()) {
            if (!observed.containsKey(documented)) {
                defects.add(documented + ": in docs/access-matrix.md but no longer in any OpenAPI document");
            }
        }
        if (Boolean.getBoolean("alongside.matrix.write")) {
            write(matrixFile, observed);
        }
        assertTrue(defects.isEmpty(), String.join("\n", defects));
    }

    private static String token(String role) {
        return switch (role) {
            case "peer-worker" -> Tokens.peerWorker(UUID.randomUUID());
            case "referrer" -> Tokens.referrer("Z99999");
            default -> Tokens.as(role);
        };
    }

    /** Path parameters filled with values of the right shape for records that do not exist. */
    private static String concrete(String template) {
        return template.replaceAll("\\{[^}]*ods[^}]*}", "Z99999")
                .replaceAll("\\{[^}]*(snomed|code)[^}]*}", "44054006")
                .replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
    }

    private int call(Suite.Service service, String token, String method, String url) {
        RequestSpecification request = RestAssured.given().baseUri(suite.url(service)).redirects().follow(false);
        if (token != null) {
            request.header("Authorization", Tokens.bearer(token));
        }
        if (!method.equals("get") && !method.equals("delete")) {
            // a PATCH takes a JSON Merge Patch (RFC 7396) and nothing else
            request.contentType(method.equals("patch") ? "application/merge-patch+json" : "application/json")
                    .body("{}");
        }
        return request.request(method.toUpperCase(), url).statusCode();
    }

    static Map<String, Map<String, String>> read(Path file) throws IOException {
        Map<String, Map<String, String>> matrix = new TreeMap<>();
        if (!Files.exists(file)) {
            return matrix;
        }
        for (String line : Files.readAllLines(file)) {
            String[] cells = line.split("\\|");
            // | service | method | path | six roles |
            if (cells.length < 10 || !cells[1].trim().endsWith("-service")) {
                continue;
            }
            Map<String, String> row = new LinkedHashMap<>();
            for (int i = 0; i < ROLES.size(); i++) {
                row.put(ROLES.get(i), cells[4 + i].trim());
            }
            matrix.put(cells[1].trim() + " " + cells[2].trim() + " " + cells[3].trim().replace("`", ""), row);
        }
        return matrix;
    }

    private static void write(Path file, Map<String, Map<String, String>> observed) throws IOException {
        List<String> lines = new ArrayList<>(List.of(
                "# Access matrix",
                "",
                "Who may call what, for every endpoint of every service, as enforced by `AccessMatrixTest` (journey",
                "tests): `yes` = the role may call it (record scope still applies: a record outside the caller's",
                "scope answers 404), `-` = 403, `public` = no token needed. Every endpoint not marked public",
                "answers 401 without a valid token (missing, expired or wrongly signed). `/q/*` (health, metrics,",
                "OpenAPI) is public and not listed. A new endpoint without a row here fails the build.",
                "",
                "| service | method | path | " + String.join(" | ", ROLES) + " |",
                "|---|---|---|" + "---|".repeat(ROLES.size())));
        observed.forEach((key, cells) -> {
            String[] parts = key.split(" ", 3);
            lines.add("| " + parts[0] + " | " + parts[1] + " | `" + parts[2] + "` | "
                    + String.join(" | ", cells.values()) + " |");
        });
        Files.write(file, lines);
    }
}
