package org.alongside.matching.taxonomy;

import java.util.Map;
import org.alongside.matching.vocabulary.ConditionKind;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One version of the condition taxonomy: SNOMED CT codes grouped by the lived experience they share. Immutable,
 * so a shortlist is scored against one version throughout. A code the taxonomy does not know (or a condition
 * without a code) falls in {@value #OTHER_PHYSICAL} or {@value #OTHER_MENTAL} by its kind.
 */
public record Taxonomy(int version, Map<String, Group> groups, Map<String, Code> codes) {

    public static final String OTHER_PHYSICAL = "other-physical";
    public static final String OTHER_MENTAL = "other-mental";
    /** Group ids are lower-case words joined by hyphens: "severe-mental-illness". */
    public static final String GROUP_ID = "[a-z0-9]+(-[a-z0-9]+)*";

    private static final Group DEFAULT_OTHER_PHYSICAL =
            new Group(OTHER_PHYSICAL, ConditionKind.PHYSICAL, "another long-term physical condition");
    private static final Group DEFAULT_OTHER_MENTAL =
            new Group(OTHER_MENTAL, ConditionKind.MENTAL, "another mental health problem");

    /** No groups but the two catch-alls: every condition is "other". For scoring without the database. */
    public static final Taxonomy NONE = new Taxonomy(0,
            Map.of(OTHER_PHYSICAL, DEFAULT_OTHER_PHYSICAL, OTHER_MENTAL, DEFAULT_OTHER_MENTAL), Map.of());

    public Taxonomy {
        groups = Map.copyOf(groups);
        codes = Map.copyOf(codes);
    }

    @Schema(name = "ConditionGroup")
    public record Group(@Schema(example = "respiratory") String id, ConditionKind kind,
            @Schema(description = "Reads in a sentence: both have lived with ...", example = "a respiratory condition")
            String display) {

        /** A catch-all group: sharing it says nothing about shared experience. */
        public boolean isOther() {
            return OTHER_PHYSICAL.equals(id) || OTHER_MENTAL.equals(id);
        }
    }

    @Schema(name = "TaxonomyCode")
    public record Code(@Schema(example = "195967001") String snomedCode, @Schema(example = "respiratory") String group,
            ConditionKind kind, @Schema(example = "Asthma") String display) {
    }

    /** The group a condition falls in: its code's, else the catch-all of its kind. */
    public Group groupOf(String snomedCode, ConditionKind kind) {
        Code code = snomedCode == null ? null : codes.get(snomedCode);
        Group group = code == null ? null : groups.get(code.group());
        return group != null ? group : other(kind);
    }

    public Group other(ConditionKind kind) {
        return kind == ConditionKind.MENTAL ? groups.getOrDefault(OTHER_MENTAL, DEFAULT_OTHER_MENTAL)
                : groups.getOrDefault(OTHER_PHYSICAL, DEFAULT_OTHER_PHYSICAL);
    }

    public boolean knows(String snomedCode) {
        return codes.containsKey(snomedCode);
    }
}
