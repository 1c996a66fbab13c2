package org.alongside.platform.testing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaAnnotation;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The layout rules every module keeps, checked by its ArchitectureTest: packages by feature that import each other
 * one way only, so the package graph shows the architecture (shared vocabulary at the bottom, rights/ on top).
 */
public final class ArchitectureRules {

    private ArchitectureRules() {
    }

    /** org.alongside.session.goal, .recording, ...: no two feature packages reach each other. */
    @ArchTest
    static final ArchRule featurePackagesFormADag = slices().matching("org.alongside.*.(*)..")
            .should().beFreeOfCycles();

    /** {@code org.hibernate.type.SqlTypes.JSON}: the module's classpath has Hibernate, this one's does not. */
    private static final int SQL_TYPE_JSON = 3001;

    /**
     * A value stored as JSON (a list of records, a record) is replaced whole, never changed in place, and says so:
     * Hibernate otherwise keeps a deep copy of it, made by writing it to JSON and reading it back, for every entity
     * it loads or stores, and compares the two at every flush (a large share of the intake's CPU).
     */
    @ArchTest
    static final ArchRule jsonValuesAreImmutable = fields().that().areAnnotatedWith(
                    DescribedPredicate.describe("@JdbcTypeCode(SqlTypes.JSON)", (JavaAnnotation<?> annotation) ->
                            annotation.getRawType().getName().equals("org.hibernate.annotations.JdbcTypeCode")
                                    && annotation.get("value").map(v -> v.equals(SQL_TYPE_JSON)).orElse(false)))
            .and().doNotHaveRawType(String.class)
            .should().beAnnotatedWith("org.hibernate.annotations.Mutability")
            .allowEmptyShould(true);

    /** A person's rights (subject access, consent, erasure) read every feature; no feature depends on them. */
    @ArchTest
    static final ArchRule rightsOnTop = noClasses().that().resideOutsideOfPackage("org.alongside.*.rights..")
            .should().dependOnClassesThat().resideInAPackage("org.alongside.*.rights..");
}
