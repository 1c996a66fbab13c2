package org.alongside.outcomes.dashboard;

import com.fasterxml.jackson.annotation.JsonValue;
import java.math.BigDecimal;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One published number after disclosure control: a number; suppressed; not defined for what it measures (an
 * improved share for an instrument without a reliable-change threshold); or not applicable (nothing to compute it
 * from, e.g. a rate over zero referrals). In JSON each is its own type, so a client never reads a marker where it
 * expects a number and never reads 0 where there is no figure: a number, {@code {"suppressed": true}},
 * {@code {"notDefined": true}} or null.
 */
// SummarySchemaFilter declares the four forms; the annotation gives the name and the description
@Schema(name = "Figure", description = """
        A count, percentage, mean, rate or number of days after disclosure control. A number; or {"suppressed": true}
        when the value is suppressed (a count of 1 to the threshold, a figure that would let a suppressed count be
        worked out from a total, or a rate, mean or percentile over a suppressed or too small base); or
        {"notDefined": true} when the measure has no meaning here (reliable-change shares of an instrument without a
        documented reliable-change threshold); or null when there is nothing to compute it from. With disclosure
        control on, counts above the threshold are rounded to the nearest multiple of the rounding base (see
        disclosureControl) and rates are computed from rounded counts.""")
public record Figure(BigDecimal value, boolean suppressed, boolean notDefined) {

    /** How CSV and the page show a suppressed figure, as published NHS tables do. */
    public static final String SUPPRESSED_MARK = "*";
    /** How CSV and the page show a figure that is not defined. */
    public static final String NOT_DEFINED_TEXT = "not defined";
    public static final Figure SUPPRESSED = new Figure(null, true, false);
    public static final Figure NONE = new Figure(null, false, false);
    public static final Figure NOT_DEFINED = new Figure(null, false, true);

    public static Figure of(long count) {
        return new Figure(BigDecimal.valueOf(count), false, false);
    }

    public static Figure of(BigDecimal value) {
        return value == null ? NONE : new Figure(value, false, false);
    }

    public boolean shown() {
        return value != null && !suppressed;
    }

    public boolean isZero() {
        return shown() && value.signum() == 0;
    }

    @JsonValue
    public Object json() {
        if (suppressed) {
            return Map.of("suppressed", true);
        }
        return notDefined ? Map.of("notDefined", true) : value;
    }

    /** As CSV and the page show it: the number, "*" when suppressed, "not defined", empty when not applicable. */
    public String text() {
        if (suppressed) {
            return SUPPRESSED_MARK;
        }
        return notDefined ? NOT_DEFINED_TEXT : value == null ? "" : value.toPlainString();
    }
}
