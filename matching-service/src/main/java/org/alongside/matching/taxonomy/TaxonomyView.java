package org.alongside.matching.taxonomy;

import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A taxonomy version as its readers see it: groups by kind and id, codes by group and display. */
@Schema(name = "Taxonomy")
public record TaxonomyView(
        int version,
        OffsetDateTime createdAt,
        @Schema(description = "Who made this version") String createdBy,
        @Schema(description = "What this version changed", example = "code 195967001 (Asthma) in group respiratory") String change,
        List<Taxonomy.Group> groups,
        List<Taxonomy.Code> codes) {

    static TaxonomyView of(TaxonomyVersion version, Taxonomy taxonomy) {
        return new TaxonomyView(taxonomy.version(), version.createdAt, version.createdBy, version.change,
                taxonomy.groups().values().stream()
                        .sorted(Comparator.comparing(Taxonomy.Group::kind).thenComparing(Taxonomy.Group::id)).toList(),
                taxonomy.codes().values().stream()
                        .sorted(Comparator.comparing(Taxonomy.Code::group).thenComparing(Taxonomy.Code::display)
                                .thenComparing(Taxonomy.Code::snomedCode))
                        .toList());
    }
}
