package org.alongside.journey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every hazard in docs/hazard-log.md names, in its last column, the tests that prove its mitigation: each named test
 * class must exist in some module's tests, and each named test method in it. (That they pass is the build's job:
 * every module's tests run in .ci/run.) A renamed or deleted test breaks this, not the log silently.
 */
class HazardLogTest {

    private static final Pattern TEST_NAME = Pattern.compile("([A-Z][A-Za-z0-9]*Test)(?:\\.([a-z][A-Za-z0-9]*))?");
    private static final Pattern CODE = Pattern.compile("`([^`]+)`");

    @Test
    void everyMitigationNamesTestsThatExist() throws IOException {
        Path root = Path.of(System.getProperty("alongside.root", "..")).toAbsolutePath().normalize();
        // several modules have a class of the same name (PersonRightsTest, ScorerTest): any of them may declare it
        Map<String, List<Path>> testClasses;
        try (Stream<Path> files = Files.walk(root)) {
            testClasses = files.filter(f -> f.toString().contains("/src/test/java/") && f.toString().endsWith("Test.java"))
                    .collect(Collectors.groupingBy(f -> f.getFileName().toString().replace(".java", "")));
        }
        List<String> rows = Files.readAllLines(root.resolve("docs/hazard-log.md")).stream()
                .filter(line -> line.matches("\\| H\\d+ \\|.*")).toList();
        assertTrue(rows.size() >= 10, "hazard rows found: " + rows.size());

        List<String> missing = new ArrayList<>();
        for (String row : rows) {
            String[] cells = row.split("\\|");
            String hazard = cells[1].strip();
            String tests = cells[cells.length - 1];
            int named = 0;
            Matcher code = CODE.matcher(tests);
            while (code.find()) {
                Matcher name = TEST_NAME.matcher(code.group(1));
                if (!name.matches()) {
                    continue;
                }
                named++;
                List<Path> sources = testClasses.get(name.group(1));
                if (sources == null) {
                    missing.add(hazard + ": no test class " + name.group(1));
                } else if (name.group(2) != null && sources.stream().noneMatch(s -> declares(s, name.group(2)))) {
                    missing.add(hazard + ": " + name.group(1) + " has no test " + name.group(2));
                }
            }
            if (named == 0) {
                missing.add(hazard + ": names no test");
            }
        }
        assertEquals(List.of(), missing);
    }

    private static boolean declares(Path source, String method) {
        try {
            return Pattern.compile("void " + method + "\\(").matcher(Files.readString(source)).find();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
