package org.alongside.referral.rights;

import java.time.Duration;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAmount;
import org.eclipse.microprofile.config.spi.Converter;

/**
 * How long a referral's records are kept after it ended: an ISO 8601 period such as {@code P8Y} (the default), or a
 * duration such as {@code PT1S} for tests. The converter of {@code alongside.retention.period}: refused at start-up
 * when it is neither, or not positive.
 */
public final class RetentionPeriod implements Converter<TemporalAmount> {

    @Override
    public TemporalAmount convert(String value) {
        return parse(value);
    }

    public static TemporalAmount parse(String text) {
        String value = text == null ? "" : text.strip().toUpperCase();
        try {
            if (value.contains("T")) {
                Duration duration = Duration.parse(value);
                if (duration.isNegative() || duration.isZero()) {
                    throw new IllegalArgumentException("alongside.retention.period must be positive, not " + text);
                }
                return duration;
            }
            Period period = Period.parse(value);
            if (period.isNegative() || period.isZero()) {
                throw new IllegalArgumentException("alongside.retention.period must be positive, not " + text);
            }
            return period;
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("alongside.retention.period must be an ISO 8601 period (P8Y) or "
                    + "duration (PT1S), not " + text, e);
        }
    }
}
