package org.alongside.outcomes.measures;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.alongside.platform.problem.Problem;
import org.alongside.platform.problem.ProblemException;

/**
 * Checks answers against an instrument's definition and scores them by its published rule. Every rule comes from
 * the definition, so this class holds no instrument-specific knowledge; a bad answer is a 400 naming its field
 * ({@code answers[3]} is the fourth answer, item 4).
 */
final class Scorer {

    private Scorer() {
    }

    /**
     * Scores {@code answers} (or, for licensed instruments, the {@code entered} score) or throws a validation
     * problem listing every field that is wrong.
     */
    static Scored score(Instrument instrument, List<BigDecimal> answers, BigDecimal entered) {
        List<Problem.FieldError> errors = new ArrayList<>();
        Scored scored = score(instrument, answers, entered, errors);
        if (!errors.isEmpty()) {
            throw invalid(errors);
        }
        return scored;
    }

    /** As {@link #score(Instrument, List, BigDecimal)}, adding what is wrong to {@code errors} (and returning null). */
    static Scored score(Instrument instrument, List<BigDecimal> answers, BigDecimal entered,
            List<Problem.FieldError> errors) {
        return instrument.entersScore()
                ? entered(instrument, answers, entered, errors)
                : answered(instrument, answers, entered, errors);
    }

    static ProblemException invalid(List<Problem.FieldError> errors) {
        String detail = errors.stream().map(e -> e.field() + ": " + e.message()).collect(Collectors.joining("; "));
        return new ProblemException(400, "validation", "Invalid request", detail, List.copyOf(errors));
    }

    private static Scored entered(Instrument instrument, List<BigDecimal> answers, BigDecimal entered,
            List<Problem.FieldError> errors) {
        Instrument.Scoring scoring = instrument.scoring();
        if (answers != null) {
            errors.add(new Problem.FieldError("answers", "must not be sent: " + instrument.code()
                    + " items are not held here; send the score from the licensed tool as 'score'"));
        }
        if (entered == null) {
            errors.add(new Problem.FieldError("score", "is required: the " + instrument.code()
                    + " score from the licensed tool, " + scoring.min().toPlainString() + " to "
                    + scoring.max().toPlainString()));
            return null;
        }
        if (entered.compareTo(scoring.min()) < 0 || entered.compareTo(scoring.max()) > 0) {
            errors.add(new Problem.FieldError("score", "must be between " + scoring.min().toPlainString() + " and "
                    + scoring.max().toPlainString() + ", not " + entered.toPlainString()));
        } else if (entered.stripTrailingZeros().scale() > scoring.decimals()) {
            errors.add(new Problem.FieldError("score", "must have at most " + scoring.decimals()
                    + " decimal place(s), not " + entered.toPlainString()));
        }
        if (!errors.isEmpty()) {
            return null;
        }
        BigDecimal score = entered.setScale(scoring.decimals(), RoundingMode.UNNECESSARY);
        return single(instrument, null, score, null, null);
    }

    private static Scored answered(Instrument instrument, List<BigDecimal> answers, BigDecimal entered,
            List<Problem.FieldError> errors) {
        List<Instrument.Item> items = instrument.items();
        if (entered != null) {
            errors.add(new Problem.FieldError("score", "must not be sent: " + instrument.code()
                    + " is scored from its answers"));
        }
        if (answers == null) {
            errors.add(new Problem.FieldError("answers", "is required: " + items.size() + " answers, one per "
                    + instrument.code() + " item in order"));
            return null;
        }
        if (answers.size() != items.size()) {
            errors.add(new Problem.FieldError("answers", "must hold " + items.size() + " answers, one per "
                    + instrument.code() + " item in order, not " + answers.size()));
            return null;
        }
        int maxMissing = instrument.scoring().maxMissingItems();
        List<Integer> values = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            Instrument.Item item = items.get(i);
            BigDecimal answer = answers.get(i);
            String field = "answers[" + i + "]";
            if (answer == null) {
                if (maxMissing == 0) {
                    errors.add(new Problem.FieldError(field, "is missing: every " + instrument.code()
                            + " item must be answered (item " + item.number() + ")"));
                }
                values.add(null);
            } else if (answer.stripTrailingZeros().scale() > 0) {
                errors.add(new Problem.FieldError(field, "must be a whole number, not " + answer.toPlainString()));
                values.add(null);
            } else if (answer.compareTo(BigDecimal.valueOf(item.min())) < 0
                    || answer.compareTo(BigDecimal.valueOf(item.max())) > 0) {
                errors.add(new Problem.FieldError(field, "must be between " + item.min() + " and " + item.max()
                        + " (" + instrument.code() + " item " + item.number() + "), not " + answer.toPlainString()));
                values.add(null);
            } else {
                values.add(answer.intValueExact());
            }
        }
        if (errors.isEmpty() && values.stream().allMatch(Objects::isNull)) {
            errors.add(new Problem.FieldError("answers", "at least one item must be answered"));
        }
        if (!errors.isEmpty()) {
            return null;
        }
        return switch (instrument.scoring().method()) {
            case SUM -> {
                int raw = sum(values);
                yield single(instrument, values, BigDecimal.valueOf(raw), raw, null);
            }
            case CONVERSION_TABLE -> {
                int raw = sum(values);
                BigDecimal converted = instrument.scoring().conversion().stream().filter(row -> row.raw() == raw)
                        .findFirst().orElseThrow().score()
                        .setScale(instrument.scoring().decimals(), RoundingMode.UNNECESSARY);
                yield single(instrument, values, converted, raw, null);
            }
            case MEAN -> mean(instrument, values);
            case PER_ITEM -> perItem(instrument, values);
            case ENTERED -> throw new IllegalStateException("an entered score has no answers");
        };
    }

    private static Scored mean(Instrument instrument, List<Integer> values) {
        List<Integer> answered = values.stream().filter(Objects::nonNull).toList();
        int missing = values.size() - answered.size();
        int maxMissing = instrument.scoring().maxMissingItems();
        if (missing > maxMissing) {
            return single(instrument, values, null, null, missing + " of " + values.size() + " items missing: "
                    + instrument.code() + " is not scored with more than " + maxMissing + " missing");
        }
        BigDecimal mean = BigDecimal.valueOf(sum(answered))
                .divide(BigDecimal.valueOf(answered.size()), instrument.scoring().decimals(), RoundingMode.HALF_UP);
        return single(instrument, values, mean, null, null);
    }

    private static Scored perItem(Instrument instrument, List<Integer> values) {
        Map<String, BigDecimal> scores = new LinkedHashMap<>();
        Map<String, String> bands = new LinkedHashMap<>();
        for (int i = 0; i < values.size(); i++) {
            Instrument.Item item = instrument.items().get(i);
            BigDecimal score = BigDecimal.valueOf(values.get(i));
            scores.put(item.key(), score);
            String band = band(item.bands(), score);
            if (band != null) {
                bands.put(item.key(), band);
            }
        }
        return new Scored(values, null, null, null, scores, bands.isEmpty() ? null : bands, null,
                risks(instrument, values), null);
    }

    private static Scored single(Instrument instrument, List<Integer> values, BigDecimal score, Integer raw,
            String notScored) {
        Instrument.Threshold caseness = instrument.caseness();
        Boolean isCase = score == null || caseness == null || caseness.value() == null ? null
                : score.compareTo(caseness.value()) >= 0;
        return new Scored(values, score, raw, score == null ? null : band(instrument.bands(), score), null, null,
                isCase, risks(instrument, values), notScored);
    }

    static String band(List<Instrument.Band> bands, BigDecimal score) {
        if (bands == null) {
            return null;
        }
        return bands.stream().filter(b -> b.contains(score)).map(Instrument.Band::code).findFirst().orElse(null);
    }

    private static List<Integer> risks(Instrument instrument, List<Integer> values) {
        if (instrument.riskItems() == null || values == null) {
            return List.of();
        }
        return instrument.riskItems().stream()
                .filter(risk -> values.get(risk.item() - 1) != null && values.get(risk.item() - 1) > risk.above())
                .map(Instrument.RiskItem::item).toList();
    }

    private static int sum(List<Integer> values) {
        return values.stream().filter(Objects::nonNull).mapToInt(Integer::intValue).sum();
    }
}
