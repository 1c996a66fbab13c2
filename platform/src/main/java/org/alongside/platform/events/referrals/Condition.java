package org.alongside.platform.events.referrals;

import jakarta.validation.constraints.NotNull;

/** A condition the person lives with: the SNOMED CT concept when coded, its name as referred, and its kind. */
public record Condition(String snomedCode, @NotNull String display, @NotNull ConditionKind kind) {
}
