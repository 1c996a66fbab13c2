package org.alongside.outcomes.dashboard;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.alongside.outcomes.facts.ConditionGroup;
import org.alongside.platform.problem.ProblemException;

/**
 * What referrals can be broken down by: the {@code groupBy} values of the summary, which also name the breakdown's
 * rows in the per-day tables (V5 migration).
 */
public enum Dimension {
    REFERRER_TYPE("referrerType", "Referral source",
            List.of("GP_PRACTICE", "LINK_WORKER", "SELF", "OTHER")),
    // keyed by ODS code; the summary labels each with the name the referrals carried, where they carried one
    REFERRER_ORGANISATION("referrerOrganisation", "Referrer organisation", List.of()),
    CONDITION_GROUP("conditionGroup", "Condition group",
            Arrays.stream(ConditionGroup.values()).map(ConditionGroup::id).toList()),
    IMD_DECILE("imdDecile", "Deprivation decile (IMD, 1 = most deprived)",
            IntStream.rangeClosed(1, 10).mapToObj(Integer::toString).toList()),
    AGE_BAND("ageBand", "Age band",
            List.of("16-24", "25-34", "35-44", "45-54", "55-64", "65-74", "75+")),
    GENDER("gender", "Gender", List.of("FEMALE", "MALE", "OTHER", "UNKNOWN")),
    ETHNICITY("ethnicity", "Ethnic category (NHS)", List.of("A", "B", "C", "D", "E", "F", "G", "H", "J", "K", "L", "M",
            "N", "P", "R", "S", "Z", "99"));

    /** The key of referrals whose event did not carry the dimension. */
    public static final String NOT_RECORDED = "NOT_RECORDED";

    private final String parameter;
    private final String title;
    private final List<String> knownKeys;

    Dimension(String parameter, String title, List<String> knownKeys) {
        this.parameter = parameter;
        this.title = title;
        this.knownKeys = knownKeys;
    }

    /** The {@code groupBy} value, or null when absent; a 400 naming the parameter for an unknown one. */
    public static Dimension parse(String groupBy) {
        if (groupBy == null || groupBy.isBlank()) {
            return null;
        }
        return Arrays.stream(values()).filter(d -> d.parameter.equals(groupBy.strip())).findFirst()
                .orElseThrow(() -> ProblemException.invalid("groupBy", "must be one of " + Arrays.stream(values())
                        .map(Dimension::parameter).collect(Collectors.joining(", ")) + ", not '" + groupBy + "'"));
    }

    public String parameter() {
        return parameter;
    }

    public String title() {
        return title;
    }

    /** Keys always listed (with 0 when nobody has them), in display order; others follow as found. */
    List<String> knownKeys() {
        return knownKeys;
    }

    public String label(String key) {
        if (NOT_RECORDED.equals(key)) {
            return this == REFERRER_ORGANISATION ? "None (self-referral or not given)" : "Not recorded";
        }
        return switch (this) {
            case REFERRER_TYPE -> switch (key) {
                case "GP_PRACTICE" -> "GP practice";
                case "LINK_WORKER" -> "Link worker";
                case "SELF" -> "Self-referral";
                default -> Labels.humanise(key);
            };
            case CONDITION_GROUP -> ConditionGroup.ofId(key).map(ConditionGroup::label).orElse(key);
            case ETHNICITY -> ethnicCategory(key);
            case IMD_DECILE -> switch (key) {
                case "1" -> "1 (most deprived)";
                case "10" -> "10 (least deprived)";
                default -> key;
            };
            case GENDER -> Labels.humanise(key);
            default -> key;
        };
    }

    /** The NHS ethnic category's own wording (NHS Data Model and Dictionary, "Ethnic Category"). */
    private static String ethnicCategory(String code) {
        return switch (code) {
            case "A" -> "A White: British";
            case "B" -> "B White: Irish";
            case "C" -> "C White: any other White background";
            case "D" -> "D Mixed: White and Black Caribbean";
            case "E" -> "E Mixed: White and Black African";
            case "F" -> "F Mixed: White and Asian";
            case "G" -> "G Mixed: any other mixed background";
            case "H" -> "H Asian or Asian British: Indian";
            case "J" -> "J Asian or Asian British: Pakistani";
            case "K" -> "K Asian or Asian British: Bangladeshi";
            case "L" -> "L Asian or Asian British: any other Asian background";
            case "M" -> "M Black or Black British: Caribbean";
            case "N" -> "N Black or Black British: African";
            case "P" -> "P Black or Black British: any other Black background";
            case "R" -> "R Other ethnic groups: Chinese";
            case "S" -> "S Other ethnic groups: any other ethnic group";
            case "Z" -> "Z Not stated";
            case "99" -> "99 Not known";
            default -> code;
        };
    }

    /** Turns codes such as {@code NOT_ELIGIBLE} into "Not eligible" for people to read. */
    public static final class Labels {
        private Labels() {
        }

        public static String humanise(String code) {
            if (code == null || code.isEmpty()) {
                return "";
            }
            String words = code.replace('_', ' ').toLowerCase(Locale.ROOT);
            return Character.toUpperCase(words.charAt(0)) + words.substring(1);
        }
    }
}
