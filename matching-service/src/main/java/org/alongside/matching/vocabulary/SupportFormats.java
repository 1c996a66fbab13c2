package org.alongside.matching.vocabulary;

import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The first vocabulary of support, one list of {@code formats} (ONE_TO_ONE, GROUP, TELEPHONE, VIDEO, ONLINE), as
 * {@code referral.accepted} version 1 still carries it, read as settings and media exactly as migration V5 moved
 * stored data: ONE_TO_ONE and GROUP are settings that met in person, TELEPHONE and VIDEO media, ONLINE the medium
 * ONLINE_TEXT.
 */
public final class SupportFormats {

    private SupportFormats() {
    }

    public record Support(List<Setting> settings, List<Medium> media) {
    }

    public static Support of(Collection<? extends Enum<?>> formats) {
        Set<Setting> settings = EnumSet.noneOf(Setting.class);
        Set<Medium> media = EnumSet.noneOf(Medium.class);
        for (Enum<?> format : formats == null ? List.<Enum<?>>of() : formats) {
            switch (format.name()) {
                case "ONE_TO_ONE", "GROUP" -> {
                    settings.add(Setting.valueOf(format.name()));
                    media.add(Medium.IN_PERSON);
                }
                case "ONLINE" -> media.add(Medium.ONLINE_TEXT);
                default -> media.add(Medium.valueOf(format.name()));
            }
        }
        return new Support(List.copyOf(settings), List.copyOf(media));
    }
}
