package org.alongside.outcomes.dashboard;

import com.fasterxml.jackson.annotation.JsonValue;
import java.math.BigDecimal;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One published number after disclosure control: a number, suppressed, or not applicable (nothing to compute
 * it from, e.g. a rate over zero referrals). In JSON a suppressed figure is the string {@code "*"}, the NHS
 * publication convention, so the same cell reads the same in JSON, CSV and on the page.
 */
@Schema(name = "Figure", type = SchemaType.NUMBER, nullable = true, example = "35", description = """
        A count, percentage, mean or number of days after disclosure control. A number; or the string "*" when the
        value is suppressed (a count of 1 to the threshold, a figure that would let a suppressed count be worked
        out from a total, or a rate, mean or percentile over a suppressed or too small base); or null when there
        is nothing to compute it from. With disclosure control on, counts above the threshold are rounded to the
        nearest multiple of the rounding base (see disclosureControl) and rates are computed from rounded counts.""")
public record Figure(BigDecimal value, boolean suppressed) {

    public static final String SUPPRESSED_MARK = "*";
    public static final Figure SUPPRESSED = new Figure(null, true);
    public static final Figure NONE = new Figure(null, false);

    public static Figure of(long count) {
        return new Figure(BigDecimal.valueOf(count), false);
    }

    public static Figure of(BigDecimal value) {
        return value == null ? NONE : new Figure(value, false);
    }

    public boolean shown() {
        return value != null && !suppressed;
    }

    public boolean isZero() {
        return shown() && value.signum() == 0;
    }

    @JsonValue
    public Object json() {
        return suppressed ? SUPPRESSED_MARK : value;
    }

    /** As CSV and the page show it: the number, "*" when suppressed, empty when not applicable. */
    public String text() {
        return suppressed ? SUPPRESSED_MARK : value == null ? "" : value.toPlainString();
    }
}
