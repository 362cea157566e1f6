package org.kdplayground.math;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/** The math must run anywhere the explorer or a test does: plain Java only, no UI, engine or CLI types. */
class MathIsPureJavaTest {

    @Test
    void mathDependsOnlyOnTheJdk() {
        JavaClasses classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.kdplayground.math");
        noClasses().should().dependOnClassesThat()
                .resideInAnyPackage("javafx..", "ai.djl..", "picocli..", "com.fasterxml..", "org.kdplayground.cli..",
                        "org.kdplayground.app..")
                .check(classes);
    }
}
