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
    REFERRER_ORGANISATION("referrerOrganisation", "Referrer organisation (ODS code)", List.of()),
    CONDITION_GROUP("conditionGroup", "Condition group",
            Arrays.stream(ConditionGroup.values()).map(Enum::name).toList()),
    IMD_DECILE("imdDecile", "Deprivation decile (IMD, 1 = most deprived)",
            IntStream.rangeClosed(1, 10).mapToObj(Integer::toString).toList()),
    AGE_BAND("ageBand", "Age band",
            List.of("16-24", "25-34", "35-44", "45-54", "55-64", "65-74", "75+")),
    GENDER("gender", "Gender", List.of("FEMALE", "MALE", "OTHER", "UNKNOWN"));

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
            case CONDITION_GROUP -> Arrays.stream(ConditionGroup.values()).filter(g -> g.name().equals(key))
                    .map(ConditionGroup::label).findFirst().orElse(key);
            case IMD_DECILE -> switch (key) {
                case "1" -> "1 (most deprived)";
                case "10" -> "10 (least deprived)";
                default -> key;
            };
            case GENDER -> Labels.humanise(key);
            default -> key;
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
