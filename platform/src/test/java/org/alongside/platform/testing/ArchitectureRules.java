package org.alongside.platform.testing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

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

    /** A person's rights (subject access, consent, erasure) read every feature; no feature depends on them. */
    @ArchTest
    static final ArchRule rightsOnTop = noClasses().that().resideOutsideOfPackage("org.alongside.*.rights..")
            .should().dependOnClassesThat().resideInAPackage("org.alongside.*.rights..");
}
