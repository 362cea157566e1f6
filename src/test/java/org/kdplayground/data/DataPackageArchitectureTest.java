package org.kdplayground.data;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The data package is plain Java, so the engine, the CLI and the GUI can all use it without dragging in the others. */
class DataPackageArchitectureTest {

    @Test
    void dataPackageUsesNeitherJavaFxNorDjlNorOtherAppPackages() {
        JavaClasses classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.kdplayground.data");
        noClasses().that().resideInAPackage("org.kdplayground.data..")
                .should().dependOnClassesThat()
                .resideInAnyPackage("javafx..", "ai.djl..", "org.kdplayground.app..", "org.kdplayground.cli..",
                        "org.kdplayground.engine..", "com.fasterxml..")
                .check(classes);
    }
}
