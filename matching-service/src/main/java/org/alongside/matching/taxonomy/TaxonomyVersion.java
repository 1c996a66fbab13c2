package org.alongside.matching.taxonomy;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** One version of the taxonomy: when, by whom, and what it changed. */
@Entity
@Table(name = "taxonomy_version")
public class TaxonomyVersion extends PanacheEntityBase {

    @Id
    public int version;
    public OffsetDateTime createdAt;
    public String createdBy;
    public String change;
}
