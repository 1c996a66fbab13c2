package org.alongside.matching.vocabulary;

import jakarta.validation.constraints.NotNull;
import java.time.DayOfWeek;
import java.util.Comparator;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A part of a day in the week when someone is free for peer support. */
@Schema(name = "Slot")
public record Slot(@NotNull @Schema(example = "MONDAY") DayOfWeek day, @NotNull @Schema(example = "MORNING") PartOfDay part) {

    public enum PartOfDay { MORNING, AFTERNOON, EVENING }

    public static final Comparator<Slot> WEEK_ORDER = Comparator.comparing(Slot::day).thenComparing(Slot::part);

    /** "Monday morning". */
    public String description() {
        String day = day().name().charAt(0) + day().name().substring(1).toLowerCase(Locale.ROOT);
        return day + " " + part.name().toLowerCase(Locale.ROOT);
    }
}
