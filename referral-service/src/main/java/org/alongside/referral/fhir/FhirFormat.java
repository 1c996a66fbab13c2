package org.alongside.referral.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * FHIR's two formats and how a client names them (FHIR R4 http.html#mime-type): the FHIR media types, the plain
 * JSON and XML ones as synonyms, the DSTU2 ones HAPI still offers, and the {@code _format} shorthands.
 */
public enum FhirFormat {
    JSON(FhirProfile.MEDIA_TYPE, List.of("application/fhir+json", "application/json", "application/json+fhir",
            "text/json", "json")),
    XML(FhirProfile.XML_MEDIA_TYPE, List.of("application/fhir+xml", "application/xml", "application/xml+fhir",
            "text/xml", "xml"));

    private final String mediaType;
    private final List<String> names;

    FhirFormat(String mediaType, List<String> names) {
        this.mediaType = mediaType;
        this.names = names;
    }

    public String mediaType() {
        return mediaType;
    }

    public IParser parser(FhirContext fhir) {
        return this == JSON ? fhir.newJsonParser() : fhir.newXmlParser();
    }

    /** The format a media type (parameters ignored) or a {@code _format} value names, if any. */
    public static Optional<FhirFormat> named(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String type = name.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        for (FhirFormat format : values()) {
            if (format.names.contains(type)) {
                return Optional.of(format);
            }
        }
        return Optional.empty();
    }

    /**
     * The format to answer in: {@code _format} when given and known, else the most preferred FHIR format of the
     * Accept header (equal preference: the first), else JSON, which is also the answer to a wildcard.
     */
    public static FhirFormat forAnswer(String formatParameter, List<String> acceptHeaders) {
        Optional<FhirFormat> requested = named(formatParameter);
        if (requested.isPresent()) {
            return requested.get();
        }
        FhirFormat best = JSON;
        double bestQuality = -1;
        for (String header : acceptHeaders == null ? List.<String>of() : acceptHeaders) {
            for (String range : header.split(",")) {
                Optional<FhirFormat> format = named(range);
                if (format.isEmpty()) {
                    continue;
                }
                double quality = quality(range);
                if (quality > bestQuality) {
                    best = format.get();
                    bestQuality = quality;
                }
            }
        }
        return best;
    }

    /** The Accept header with each FHIR synonym replaced by the FHIR media type, its q-value kept. */
    public static String canonicalAccept(String accept) {
        StringBuilder canonical = new StringBuilder();
        for (String range : accept.split(",")) {
            Optional<FhirFormat> format = named(range);
            String parameters = range.contains(";") ? range.substring(range.indexOf(';')) : "";
            if (!canonical.isEmpty()) {
                canonical.append(", ");
            }
            canonical.append(format.map(f -> f.mediaType + parameters).orElse(range.trim()));
        }
        return canonical.toString();
    }

    private static double quality(String range) {
        for (String parameter : range.split(";")) {
            String[] pair = parameter.trim().split("=", 2);
            if (pair.length == 2 && pair[0].trim().equalsIgnoreCase("q")) {
                try {
                    return Double.parseDouble(pair[1].trim());
                } catch (NumberFormatException e) {
                    return 0;
                }
            }
        }
        return 1;
    }
}
