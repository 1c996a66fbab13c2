package org.alongside.outcomes.measures;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads the instrument definitions from the classpath ({@code instruments/index.json} lists the files), applies the
 * configured thresholds and refuses a definition that cannot score correctly: a service that starts scores right.
 */
final class InstrumentCatalogue {

    static final String THRESHOLD_PREFIX = "alongside.outcomes.thresholds.";
    static final String CASENESS_PREFIX = "alongside.outcomes.caseness.";

    private static final String FOLDER = "instruments/";
    // Definitions are checked strictly: a misspelt field must fail the start, not silently drop a rule.
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private InstrumentCatalogue() {
    }

    /** Every definition by code, in the order of the index; {@code setting} looks a configuration property up. */
    static Map<String, Instrument> load(Function<String, Optional<BigDecimal>> setting) {
        List<String> files = read(FOLDER + "index.json", new TypeReference<>() {
        });
        Map<String, Instrument> instruments = new LinkedHashMap<>();
        for (String file : files) {
            Instrument instrument = configure(read(FOLDER + file, new TypeReference<Instrument>() {
            }), setting);
            List<String> problems = problems(instrument);
            if (!problems.isEmpty()) {
                throw new IllegalStateException("Instrument definition " + file + " is not usable: " + problems);
            }
            if (instruments.put(instrument.code(), instrument) != null) {
                throw new IllegalStateException("Instrument " + instrument.code() + " is defined twice");
            }
        }
        return instruments;
    }

    /**
     * Applies {@code alongside.outcomes.thresholds.<CODE>} (and {@code .<CODE>.<itemKey>} for instruments reported
     * item by item, falling back to the instrument's setting) and {@code alongside.outcomes.caseness.<CODE>}.
     */
    static Instrument configure(Instrument instrument, Function<String, Optional<BigDecimal>> setting) {
        String changeKey = THRESHOLD_PREFIX + instrument.code();
        Optional<BigDecimal> instrumentChange = setting.apply(changeKey);
        List<Instrument.Item> items = instrument.items().stream().map(item -> {
            if (item.meaningfulChange() == null) {
                return item;
            }
            String itemKey = changeKey + "." + item.key();
            Optional<BigDecimal> itemChange = setting.apply(itemKey);
            return item.withMeaningfulChange(itemChange.isPresent()
                    ? item.meaningfulChange().configure(itemKey, itemChange)
                    : item.meaningfulChange().configure(itemKey, instrumentChange));
        }).toList();
        Instrument.Threshold change = instrument.meaningfulChange() == null ? null
                : instrument.meaningfulChange().configure(changeKey, instrumentChange);
        String casenessKey = CASENESS_PREFIX + instrument.code();
        Instrument.Threshold caseness = instrument.caseness() == null ? null
                : instrument.caseness().configure(casenessKey, setting.apply(casenessKey));
        return instrument.withThresholds(items, change, caseness);
    }

    /** What makes a definition unusable; empty when it can score every possible set of answers. */
    static List<String> problems(Instrument instrument) {
        List<String> problems = new ArrayList<>();
        Instrument.Scoring scoring = instrument.scoring();
        if (instrument.code() == null || !instrument.code().matches("[A-Z][A-Z0-9_]*")) {
            problems.add("code must be upper case letters, digits and _");
        }
        if (scoring == null || scoring.method() == null) {
            problems.add("scoring.method is required");
            return problems;
        }
        List<Instrument.Item> items = instrument.items() == null ? List.of() : instrument.items();
        checkItems(instrument, items, problems);
        if (instrument.perItem()) {
            checkItemScores(instrument, items, problems);
        } else if (!checkTotalScore(instrument, items, problems)) {
            return problems;
        }
        checkThresholds(instrument, items, problems);
        return problems;
    }

    /** Items numbered in order, each with a key of its own and a range; as many as the scoring can work with. */
    private static void checkItems(Instrument instrument, List<Instrument.Item> items, List<String> problems) {
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < items.size(); i++) {
            Instrument.Item item = items.get(i);
            if (item.number() != i + 1) {
                problems.add("items must be numbered 1.." + items.size() + " in order");
            }
            if (item.key() == null || !keys.add(item.key())) {
                problems.add("item " + item.number() + " needs a key of its own");
            }
            if (item.min() > item.max()) {
                problems.add("item " + item.number() + " min is above max");
            }
        }
        if (instrument.entersScore()) {
            if (!items.isEmpty()) {
                problems.add("an entered score holds no items");
            }
        } else if (items.isEmpty()) {
            problems.add("items are required");
        }
        int maxMissing = instrument.scoring().maxMissingItems();
        if (maxMissing < 0 || (!items.isEmpty() && maxMissing >= items.size())) {
            problems.add("maxMissingItems must leave at least one item answered");
        }
    }

    /** An instrument reported item by item: each item's bands, direction and threshold. */
    private static void checkItemScores(Instrument instrument, List<Instrument.Item> items, List<String> problems) {
        if (instrument.bands() != null || instrument.direction() != null || instrument.meaningfulChange() != null) {
            problems.add("an instrument reported item by item has its bands, direction and threshold per item");
        }
        for (Instrument.Item item : items) {
            checkBands("item " + item.number() + " bands", item.bands(), BigDecimal.valueOf(item.min()),
                    BigDecimal.valueOf(item.max()), 0, problems);
            if (item.meaningfulChange() != null && item.direction() == null) {
                problems.add("item " + item.number() + " has a change threshold but no direction");
            }
        }
    }

    /**
     * An instrument with one score: its range (a sum's must be the items' own), conversion table, bands and
     * direction. False when it has no range, against which nothing further can be checked.
     */
    private static boolean checkTotalScore(Instrument instrument, List<Instrument.Item> items,
            List<String> problems) {
        Instrument.Scoring scoring = instrument.scoring();
        if (scoring.min() == null || scoring.max() == null || scoring.min().compareTo(scoring.max()) > 0) {
            problems.add("scoring.min and scoring.max are required, min not above max");
            return false;
        }
        if (scoring.method() == Instrument.Method.SUM || scoring.method() == Instrument.Method.CONVERSION_TABLE) {
            int rawMin = items.stream().mapToInt(Instrument.Item::min).sum();
            int rawMax = items.stream().mapToInt(Instrument.Item::max).sum();
            boolean sumRange = scoring.min().compareTo(BigDecimal.valueOf(rawMin)) == 0
                    && scoring.max().compareTo(BigDecimal.valueOf(rawMax)) == 0;
            if (scoring.method() == Instrument.Method.SUM && !sumRange) {
                problems.add("a summed score must run from " + rawMin + " to " + rawMax);
            }
            if (scoring.maxMissingItems() != 0) {
                problems.add("a total cannot be formed with items missing");
            }
            if (scoring.method() == Instrument.Method.CONVERSION_TABLE) {
                checkConversion(scoring, rawMin, rawMax, problems);
            }
        }
        checkBands("bands", instrument.bands(), scoring.min(), scoring.max(), scoring.decimals(), problems);
        if (instrument.meaningfulChange() != null && instrument.direction() == null) {
            problems.add("a change threshold needs a direction");
        }
        return true;
    }

    /** Thresholds above zero, and risk items that are items. */
    private static void checkThresholds(Instrument instrument, List<Instrument.Item> items, List<String> problems) {
        positive("meaningfulChange", instrument.meaningfulChange(), problems);
        positive("caseness", instrument.caseness(), problems);
        items.forEach(item -> positive("item " + item.number() + " meaningfulChange", item.meaningfulChange(),
                problems));
        if (instrument.riskItems() != null) {
            for (Instrument.RiskItem risk : instrument.riskItems()) {
                if (risk.item() < 1 || risk.item() > items.size()) {
                    problems.add("risk item " + risk.item() + " is not an item");
                }
            }
        }
    }

    private static void positive(String what, Instrument.Threshold threshold, List<String> problems) {
        if (threshold != null && threshold.value() != null && threshold.value().signum() <= 0) {
            problems.add(what + " must be above 0"
                    + (threshold.configured() ? " (check " + threshold.configKey() + ")" : ""));
        }
    }

    private static void checkConversion(Instrument.Scoring scoring, int rawMin, int rawMax, List<String> problems) {
        List<Instrument.Conversion> table = scoring.conversion() == null ? List.of() : scoring.conversion();
        if (table.size() != rawMax - rawMin + 1) {
            problems.add("the conversion table must have one row for each raw total " + rawMin + ".." + rawMax);
            return;
        }
        for (int i = 0; i < table.size(); i++) {
            Instrument.Conversion row = table.get(i);
            if (row.raw() != rawMin + i) {
                problems.add("conversion row " + (i + 1) + " must be for raw total " + (rawMin + i));
            } else if (row.score().compareTo(scoring.min()) < 0 || row.score().compareTo(scoring.max()) > 0) {
                problems.add("conversion of raw " + row.raw() + " is outside the score range");
            } else if (i > 0 && row.score().compareTo(table.get(i - 1).score()) <= 0) {
                problems.add("conversion must rise with the raw total (raw " + row.raw() + ")");
            }
        }
    }

    /** Bands, when given, must cover the range without gaps or overlaps at the score's precision. */
    private static void checkBands(String what, List<Instrument.Band> bands, BigDecimal min, BigDecimal max,
            int decimals, List<String> problems) {
        if (bands == null) {
            return;
        }
        BigDecimal step = BigDecimal.ONE.movePointLeft(decimals);
        BigDecimal next = min;
        for (Instrument.Band band : bands) {
            if (band.code() == null || band.min() == null || band.max() == null) {
                problems.add(what + " need a code, min and max");
                return;
            }
            if (band.min().compareTo(next) != 0 || band.max().compareTo(band.min()) < 0) {
                problems.add(what + ": band " + band.code() + " must start at " + next);
                return;
            }
            next = band.max().add(step);
        }
        if (next.subtract(step).compareTo(max) != 0) {
            problems.add(what + " must end at " + max);
        }
    }

    private static <T> T read(String resource, TypeReference<T> type) {
        try (InputStream in = InstrumentCatalogue.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing instrument resource " + resource);
            }
            return MAPPER.readValue(in, type);
        } catch (IOException e) {
            throw new UncheckedIOException("Unreadable instrument resource " + resource, e);
        }
    }
}
