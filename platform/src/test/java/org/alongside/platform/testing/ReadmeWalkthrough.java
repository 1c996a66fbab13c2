package org.alongside.platform.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The README's walk-through, run as a newcomer runs it: its bash blocks, word for word, in bash, from the project's
 * root, with {@code curl}, {@code jq} and {@code deploy/local/token}. The only change is where the services listen:
 * {@code localhost:8081}-{@code 8084} become the ports of the services under test. A request the README gets wrong
 * (a field renamed, a page where a list was) shows as a step that prints the wrong thing or waits forever.
 */
public final class ReadmeWalkthrough {

    private static final long TIMEOUT_SECONDS = 120;

    /** What the walk-through prints, in this order, when every step did what the README says it does. */
    private static final List<String> MILESTONES = List.of(
            "\"07700 900123\"",              // 2b. the phone number corrected by merge patch
            "\"ACCEPTED\"",                  // 3. triage accepts
            "\"proposals\"",                 // 4. matching's proposals
            "\"MATCHED\"",                   // 5. the person's choice reaches referral-service
            "\"ACTIVE\"",                    // 6. the first session makes the referral active, in its history
            "\"referralsReceived\"",         // 7. the commissioner's dashboard
            "\"code\": \"ok\"",              // the BaRS response message
            "\"status\": \"received\"",      // the referral's Task, as the GP follows it
            "\"process-message\"",           // the CapabilityStatement names the operation
            "\"status\": 400");              // the NHS number with a wrong check digit

    /** The ports the README gives (the integration contract's), by service module. */
    public static final Map<String, Integer> README_PORTS = Map.of("referral-service", 8081, "matching-service", 8082,
            "session-service", 8083, "outcomes-service", 8084);

    private ReadmeWalkthrough() {
    }

    /**
     * Runs the walk-through against the four services and asserts that it ends well and prints every milestone.
     *
     * @param root the project's checkout (README.md, deploy/local/token)
     * @param urls each service module's base URL, e.g. {@code referral-service} to {@code http://127.0.0.1:41234}
     */
    public static void runAgainst(Path root, Map<String, String> urls) {
        try {
            String script = "set -euo pipefail\n" + atPorts(walkThroughBlocks(Files.readString(root.resolve(
                    "README.md"))), urls);
            Path output = Files.createTempFile("readme-walkthrough", ".out");
            Process bash = new ProcessBuilder("bash", "-c", script)
                    .directory(root.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(output.toFile())
                    .start();
            boolean ended = bash.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            if (!ended) {
                bash.destroyForcibly().waitFor();
            }
            String printed = Files.readString(output, StandardCharsets.UTF_8);
            Files.delete(output);
            if (!ended) {
                fail("The README's walk-through was still waiting after " + TIMEOUT_SECONDS + " s. It printed:\n"
                        + printed);
            }
            assertEquals(0, bash.exitValue(), "The README's walk-through failed. It printed:\n" + printed);
            int from = 0;
            for (String milestone : MILESTONES) {
                int at = printed.indexOf(milestone, from);
                assertTrue(at >= 0, "The README's walk-through did not print " + milestone
                        + " after what came before. It printed:\n" + printed);
                from = at + milestone.length();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The bash blocks of the README's walk-through section, in order: each relies on what the ones before set. */
    private static String walkThroughBlocks(String readme) {
        int section = readme.indexOf("\n## Walk-through");
        assertTrue(section >= 0, "README.md has no '## Walk-through' section");
        int sectionEnd = readme.indexOf("\n## ", section + 1);
        List<String> blocks = new ArrayList<>();
        boolean inBlock = false;
        StringBuilder block = new StringBuilder();
        for (String line : readme.substring(section, sectionEnd < 0 ? readme.length() : sectionEnd).split("\n")) {
            if (!inBlock && line.equals("```bash")) {
                inBlock = true;
            } else if (inBlock && line.equals("```")) {
                blocks.add(block.toString());
                block.setLength(0);
                inBlock = false;
            } else if (inBlock) {
                block.append(line).append('\n');
            }
        }
        assertTrue(blocks.size() >= 3, "Expected the walk-through, the BaRS message and the error example in README.md,"
                + " found " + blocks.size() + " bash blocks");
        return String.join("\n", blocks);
    }

    private static String atPorts(String script, Map<String, String> urls) {
        String atPorts = script;
        for (Map.Entry<String, Integer> service : README_PORTS.entrySet()) {
            String url = urls.get(service.getKey());
            assertTrue(url != null, "No URL given for " + service.getKey());
            atPorts = atPorts.replace("localhost:" + service.getValue(), url.substring(url.indexOf("://") + 3));
        }
        assertTrue(!atPorts.matches("(?s).*localhost:\\d+.*"), "The walk-through names a port this test does not know");
        return atPorts;
    }
}
