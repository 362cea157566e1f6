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
            .that().resideInAnyPackage("..math..", "..engine..", "..data..", "..io..", "..cli..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..");

    @ArchTest
    static final ArchRule mathKnowsNoDjl = noClasses()
            .that().resideInAnyPackage("..math..")
            .should().dependOnClassesThat().resideInAnyPackage("ai.djl..")
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule nothingImportsTheApp = noClasses()
            .that().resideOutsideOfPackage("org.kdplayground.app..")
            .and().doNotHaveFullyQualifiedName(Launcher.class.getName())
            .should().dependOnClassesThat().resideInAPackage("org.kdplayground.app..");

    @ArchTest
    static final ArchRule sharedUiKnowsNoFeature = noClasses()
            .that().resideInAnyPackage("..ui..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "..explorer..", "..training..", "..about..", "..cli..");

    @ArchTest
    static final ArchRule featuresDoNotImportEachOther = noClasses()
            .that().resideInAnyPackage("..explorer..")
            .should().dependOnClassesThat().resideInAnyPackage("..training..", "..about..");

    @ArchTest
    static final ArchRule domainDoesNotImportScreensOrCli = noClasses()
            .that().resideInAnyPackage("..math..", "..engine..", "..data..", "..io..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "..explorer..", "..training..", "..about..", "..cli..", "..ui..");
}
