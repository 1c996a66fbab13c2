package org.alongside.platform.events.support;

import jakarta.validation.constraints.NotNull;
import java.time.DayOfWeek;

/** A part of a day in the week when someone is free for peer support: the person's or a peer's. */
public record Availability(@NotNull DayOfWeek day, @NotNull PartOfDay part) {

    public enum PartOfDay { MORNING, AFTERNOON, EVENING }
}
