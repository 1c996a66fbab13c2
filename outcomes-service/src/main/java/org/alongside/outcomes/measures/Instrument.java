package org.alongside.outcomes.measures;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An outcome instrument's definition, read from {@code instruments/*.json}: what to ask, how to score it, how to
 * band it and what change counts. The same document is served to link-worker tools so they can render the form.
 */
@Schema(name = "InstrumentDefinition")
public record Instrument(
        @Schema(description = "The code measurements name the instrument by", example = "PHQ9")
        String code,
        @Schema(description = "Version of this definition; each measurement records the version that scored it")
        int version,
        String name,
        @Schema(description = "What the instrument measures") String measures,
        @Schema(description = "The period the person is asked about, where the definition fixes one")
        String recallPeriod,
        @Schema(description = "The recall period in months, where it is a fixed number: counts over it are rates per "
                + "person-month") Integer recallMonths,
        @Schema(description = "Items in the order answers are sent; empty for scores entered from a licensed tool")
        List<Item> items,
        @Schema(description = "The answers each item offers; labels where the reference holds them")
        List<AnswerOption> answerOptions,
        Scoring scoring,
        @Schema(description = "Which way the score moves when things get better; per item for item-by-item "
                + "instruments") Direction direction,
        @Schema(description = "Bands of the score, inclusive at both ends") List<Band> bands,
        @Schema(description = "The change from baseline that counts as reliable improvement or deterioration")
        Threshold meaningfulChange,
        @Schema(description = "The score at or above which a person counts as a case") Threshold caseness,
        @Schema(description = "Answers that raise a risk flag for a supervisor") List<RiskItem> riskItems,
        @Schema(description = "The timepoints this instrument is recorded at; all when absent")
        List<Timepoint> timepoints,
        @Schema(description = "Must be shown wherever the instrument is presented") String copyright,
        String licence,
        List<String> notes) {

    public enum Method {
        /** Sum of the answers. */
        SUM,
        /** Sum of the answers, converted with the published table. */
        CONVERSION_TABLE,
        /** Mean of the items answered. */
        MEAN,
        /** Each answer is its own score; never summed. */
        PER_ITEM,
        /** A score calculated by a licensed tool and entered as it is; no items are held. */
        ENTERED
    }

    @Schema(name = "InstrumentItem")
    public record Item(
            @Schema(description = "1-based; answers[number - 1] answers this item") int number,
            @Schema(description = "Stable key; names the item in per-item scores and configuration") String key,
            @Schema(description = "The item's wording where the licence allows it and the reference holds it")
            String text,
            int min,
            int max,
            @Schema(description = "Item-by-item instruments: which way this item moves when things get better")
            Direction direction,
            @Schema(description = "Item-by-item instruments: this item's bands") List<Band> bands,
            @Schema(description = "Item-by-item instruments: this item's change threshold")
            Threshold meaningfulChange) {

        Item withMeaningfulChange(Threshold threshold) {
            return new Item(number, key, text, min, max, direction, bands, threshold);
        }
    }

    @Schema(name = "AnswerOption")
    public record AnswerOption(int value, String label) {
    }

    @Schema(name = "InstrumentScoring")
    public record Scoring(
            Method method,
            String description,
            @Schema(description = "How many items may be left unanswered (null) and still be scored")
            int maxMissingItems,
            @Schema(description = "Lowest possible score") BigDecimal min,
            @Schema(description = "Highest possible score") BigDecimal max,
            @Schema(description = "Decimal places of the score") int decimals,
            @Schema(description = "Where the scoring rule is published") String source,
            @Schema(description = "CONVERSION_TABLE: every raw total and the score it converts to")
            List<Conversion> conversion) {
    }

    @Schema(name = "ScoreConversion")
    public record Conversion(int raw, BigDecimal score) {
    }

    @Schema(name = "ScoreBand")
    public record Band(String code, String label, BigDecimal min, BigDecimal max) {

        boolean contains(BigDecimal score) {
            return score.compareTo(min) >= 0 && score.compareTo(max) <= 0;
        }
    }

    @Schema(name = "RiskItem")
    public record RiskItem(@Schema(description = "Item number, 1-based") int item,
            @Schema(description = "An answer above this raises the flag") int above, String description) {
    }

    /**
     * A published threshold. {@code value} is null where the reference gives none; {@code configKey} names the
     * setting that overrides (or supplies) it, and {@code configured} says whether that setting is in force.
     */
    @Schema(name = "Threshold")
    public record Threshold(
            @Schema(description = "The threshold; absent when none applies") BigDecimal value,
            String unit,
            @Schema(description = "Where the default comes from") String source,
            @Schema(description = "False where the reference marks the default as unverified or gives none")
            boolean verified,
            @Schema(description = "Configuration property that sets this threshold") String configKey,
            @Schema(description = "True when the configuration property overrides the published default")
            boolean configured) {

        Threshold configure(String key, Optional<BigDecimal> override) {
            return override.map(v -> new Threshold(v, unit, source, verified, key, true))
                    .orElseGet(() -> new Threshold(value, unit, source, verified, key, false));
        }
    }

    /** Whether answers are sent (all methods but ENTERED) or a score from a licensed tool. */
    boolean entersScore() {
        return scoring.method() == Method.ENTERED;
    }

    /**
     * Whether improved / no reliable change / deteriorated shares mean something for this instrument: its change
     * threshold is verified in the shared reference or set by configuration. Otherwise they are not defined.
     */
    public boolean reliableChangeDefined() {
        return meaningfulChange != null && meaningfulChange.value() != null
                && (meaningfulChange.verified() || meaningfulChange.configured());
    }

    public boolean perItem() {
        return scoring.method() == Method.PER_ITEM;
    }

    boolean recordedAt(Timepoint timepoint) {
        return timepoints == null || timepoints.contains(timepoint);
    }

    Instrument withThresholds(List<Item> configuredItems, Threshold change, Threshold cutoff) {
        return new Instrument(code, version, name, measures, recallPeriod, recallMonths, configuredItems, answerOptions,
                scoring, direction, bands, change, cutoff, riskItems, timepoints, copyright, licence, notes);
    }
}
