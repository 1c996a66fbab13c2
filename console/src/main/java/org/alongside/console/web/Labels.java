package org.alongside.console.web;

import io.quarkus.qute.TemplateExtension;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

/** How codes, dates and field names read on a page (Qute extension methods: {status.label}, {at.dateTime}). */
@TemplateExtension
public final class Labels {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK);
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", Locale.UK);
    private static final Map<String, String> WORDS = Map.of("ONE_TO_ONE", "One to one", "GP_PRACTICE", "GP practice",
            "IMD", "IMD", "ONLINE_TEXT", "Online (text)", "SELF_HARM_OR_SUICIDE_RISK", "Self-harm or suicide risk",
            "imdDecile", "IMD decile");

    private static final Map<String, String> FIELDS = Map.of("nhsNumber", "NHS number", "odsCode", "ODS code",
            "snomedCode", "SNOMED CT code", "imdDecile", "IMD decile", "capacity", "Places");

    private Labels() {
    }

    /** EMOTIONAL_SUPPORT reads "Emotional support", and a field name such as ageBand "Age band". */
    public static String label(String code) {
        if (code == null || code.isBlank()) {
            return "";
        }
        String known = WORDS.get(code);
        if (known != null) {
            return known;
        }
        String words = code.replaceAll("(?<=\\p{Ll})(?=\\p{Lu})", " ").replace('_', ' ').replace('-', ' ')
                .toLowerCase(Locale.UK);
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    /** A language as referrals give it (an ISO 639 code such as "pa") by its English name: "Punjabi". */
    public static String languageName(String code) {
        if (code == null || code.isBlank()) {
            return "";
        }
        String name = Locale.forLanguageTag(code.strip()).getDisplayLanguage(Locale.UK);
        return name.isEmpty() || name.equalsIgnoreCase(code.strip()) ? code : name;
    }

    public static String date(OffsetDateTime at) {
        return at == null ? "" : DATE.format(at.atZoneSameInstant(LONDON));
    }

    public static String date(LocalDate day) {
        return day == null ? "" : DATE.format(day);
    }

    public static String dateTime(OffsetDateTime at) {
        return at == null ? "" : DATE_TIME.format(at.atZoneSameInstant(LONDON));
    }

    public static String yesNo(Boolean value) {
        return value == null ? "Not said" : value ? "Yes" : "No";
    }

    /** A field as the error summary names it: "person.givenName" reads "Given name". */
    static String field(String path) {
        String last = path.replaceAll("\\[\\d+]", "");
        last = last.substring(last.lastIndexOf('.') + 1);
        String known = FIELDS.get(last);
        if (known != null) {
            return known;
        }
        String words = last.replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(Locale.UK);
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    /** The HTML id of a form field (Qute: {'person.givenName'.fieldId}). */
    public static String fieldId(String field) {
        return Form.id(field);
    }
}
