package org.kdplayground;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The direction of imports from architecture.md, held by a test because goodwill doesn't last. */
@AnalyzeClasses(packages = "org.kdplayground", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule domainKnowsNoJavaFx = noClasses()
            .that().resideInAnyPackage("org.kdplayground.math..", "org.kdplayground.engine..", "org.kdplayground.data..", "org.kdplayground.io..", "org.kdplayground.cli..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..");

    @ArchTest
    static final ArchRule mathKnowsNoDjl = noClasses()
            .that().resideInAnyPackage("org.kdplayground.math..")
            .should().dependOnClassesThat().resideInAnyPackage("ai.djl..")
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule nothingImportsTheApp = noClasses()
            .that().resideOutsideOfPackage("org.kdplayground.app..")
            .and().doNotHaveFullyQualifiedName(Launcher.class.getName())
            .should().dependOnClassesThat().resideInAPackage("org.kdplayground.app..");

    @ArchTest
    static final ArchRule sharedUiKnowsNoFeature = noClasses()
            .that().resideInAnyPackage("org.kdplayground.ui..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.kdplayground.explorer..", "org.kdplayground.training..", "org.kdplayground.about..", "org.kdplayground.cli..");

    @ArchTest
    static final ArchRule featuresDoNotImportEachOther = noClasses()
            .that().resideInAnyPackage("org.kdplayground.explorer..")
            .should().dependOnClassesThat().resideInAnyPackage("org.kdplayground.training..", "org.kdplayground.about..");

    @ArchTest
    static final ArchRule domainDoesNotImportScreensOrCli = noClasses()
            .that().resideInAnyPackage("org.kdplayground.math..", "org.kdplayground.engine..", "org.kdplayground.data..", "org.kdplayground.io..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.kdplayground.explorer..", "org.kdplayground.training..", "org.kdplayground.about..", "org.kdplayground.cli..", "org.kdplayground.ui..");

    @ArchTest
    static final ArchRule lessonsActOnlyThroughTheirStage = noClasses()
            .that().resideInAnyPackage("org.kdplayground.lessons..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.kdplayground.explorer..", "org.kdplayground.training..", "org.kdplayground.about..",
                    "org.kdplayground.engine..", "org.kdplayground.cli..");
}
