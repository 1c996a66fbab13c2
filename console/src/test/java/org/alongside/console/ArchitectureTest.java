package org.alongside.console;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import org.alongside.platform.testing.ArchitectureRules;

@AnalyzeClasses(packages = "org.alongside.console", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchTests layout = ArchTests.in(ArchitectureRules.class);
}
