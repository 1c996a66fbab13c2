package org.alongside.matching.taxonomy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.alongside.matching.vocabulary.ConditionKind;
import org.alongside.matching.vocabulary.SnomedCt;
import org.alongside.platform.problem.ProblemException;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The versioned condition taxonomy. Reading picks the rows valid at a version; changing closes the current row
 * and opens a new one at a new version, so every version stays readable and every proposal explainable.
 */
@ApplicationScoped
public class Taxonomies {

    private final EntityManager entities;
    private final Clock clock;
    private final Event<TaxonomyChanged> changed;

    Taxonomies(EntityManager entities, Clock clock, Event<TaxonomyChanged> changed) {
        this.entities = entities;
        this.clock = clock;
        this.changed = changed;
    }

    @Schema(name = "TaxonomyCodeChange")
    public record CodeChange(@Schema(description = "The taxonomy version that has the code as given") int version,
            @Schema(description = "false when the code was already so: no new version") boolean changed,
            Taxonomy.Code code) {
    }

    @Schema(name = "ConditionGroupChange")
    public record GroupChange(@Schema(description = "The taxonomy version that has the group as given") int version,
            @Schema(description = "false when the group was already so: no new version") boolean changed,
            Taxonomy.Group group) {
    }

    public Taxonomy current() {
        return at(latestVersion());
    }

    public Taxonomy at(int version) {
        Map<String, Taxonomy.Group> groups = new HashMap<>();
        for (Object[] row : rows("SELECT id, kind, display FROM taxonomy_group", version)) {
            groups.put((String) row[0], new Taxonomy.Group((String) row[0], ConditionKind.valueOf((String) row[1]),
                    (String) row[2]));
        }
        Map<String, Taxonomy.Code> codes = new HashMap<>();
        for (Object[] row : rows("SELECT snomed_code, group_id, kind, display FROM taxonomy_code", version)) {
            codes.put((String) row[0], new Taxonomy.Code((String) row[0], (String) row[1],
                    ConditionKind.valueOf((String) row[2]), (String) row[3]));
        }
        return new Taxonomy(version, groups, codes);
    }

    @Transactional
    public CodeChange putCode(String snomedCode, CodeInput input, String actor) {
        if (!SnomedCt.isConceptId(snomedCode)) {
            throw ProblemException.invalid("snomedCode", SnomedCt.MALFORMED);
        }
        Taxonomy current = lockForChange();
        Taxonomy.Group group = current.groups().get(input.group());
        if (group == null) {
            throw ProblemException.invalid("group", "'" + input.group() + "' is not a group of taxonomy version "
                    + current.version() + "; PUT /taxonomy/groups/{groupId} adds one");
        }
        if (group.kind() != input.kind()) {
            throw ProblemException.invalid("kind", "must be " + group.kind() + ", the kind of group " + group.id());
        }
        Taxonomy.Code code = new Taxonomy.Code(snomedCode, group.id(), input.kind(), input.display().strip());
        if (code.equals(current.codes().get(snomedCode))) {
            return new CodeChange(current.version(), false, code);
        }
        int version = newVersion(current, actor, "code " + snomedCode + " (" + code.display() + ") in group "
                + group.id());
        entities.createNativeQuery("UPDATE taxonomy_code SET to_version = ?1 WHERE snomed_code = ?2 AND to_version IS NULL")
                .setParameter(1, version).setParameter(2, snomedCode).executeUpdate();
        entities.createNativeQuery("""
                        INSERT INTO taxonomy_code (snomed_code, from_version, group_id, kind, display)
                        VALUES (?1, ?2, ?3, ?4, ?5)""")
                .setParameter(1, snomedCode).setParameter(2, version).setParameter(3, group.id())
                .setParameter(4, code.kind().name()).setParameter(5, code.display()).executeUpdate();
        changed.fire(new TaxonomyChanged(version));
        return new CodeChange(version, true, code);
    }

    @Transactional
    public GroupChange putGroup(String id, GroupInput input, String actor) {
        if (id.length() > 50 || !id.matches(Taxonomy.GROUP_ID)) {
            throw ProblemException.invalid("groupId", "must be lower-case words joined by hyphens, such as "
                    + "eating-disorders (50 characters at most)");
        }
        Taxonomy current = lockForChange();
        Taxonomy.Group existing = current.groups().get(id);
        if (existing != null && existing.kind() != input.kind()) {
            throw ProblemException.invalid("kind", "must stay " + existing.kind() + ": a group's kind is fixed once "
                    + "it exists");
        }
        Taxonomy.Group group = new Taxonomy.Group(id, input.kind(), input.display().strip());
        if (group.equals(existing)) {
            return new GroupChange(current.version(), false, group);
        }
        int version = newVersion(current, actor, "group " + id + " (" + group.display() + ")");
        entities.createNativeQuery("UPDATE taxonomy_group SET to_version = ?1 WHERE id = ?2 AND to_version IS NULL")
                .setParameter(1, version).setParameter(2, id).executeUpdate();
        entities.createNativeQuery("INSERT INTO taxonomy_group (id, from_version, kind, display) VALUES (?1, ?2, ?3, ?4)")
                .setParameter(1, id).setParameter(2, version).setParameter(3, group.kind().name())
                .setParameter(4, group.display()).executeUpdate();
        changed.fire(new TaxonomyChanged(version));
        return new GroupChange(version, true, group);
    }

    /** Changes happen one at a time: the table lock makes a second admin's change wait and then see this one. */
    private Taxonomy lockForChange() {
        entities.createNativeQuery("LOCK TABLE taxonomy_version IN EXCLUSIVE MODE").executeUpdate();
        return current();
    }

    private int newVersion(Taxonomy current, String actor, String change) {
        TaxonomyVersion version = new TaxonomyVersion();
        version.version = current.version() + 1;
        version.createdAt = OffsetDateTime.now(clock);
        version.createdBy = actor;
        version.change = change;
        version.persist();
        version.flush();
        return version.version;
    }

    private int latestVersion() {
        return ((Number) entities.createNativeQuery("SELECT max(version) FROM taxonomy_version").getSingleResult())
                .intValue();
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> rows(String select, int version) {
        return entities.createNativeQuery(select + " WHERE from_version <= ?1 AND (to_version IS NULL OR to_version > ?1)")
                .setParameter(1, version).getResultList();
    }
}
