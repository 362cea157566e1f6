package org.kdplayground;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.dependencies.SlicesRuleDefinition;

/** The direction of imports from architecture.md, held by a test because goodwill doesn't last. */
@AnalyzeClasses(packages = "org.kdplayground", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule domainKnowsNoJavaFx = noClasses()
            .that().resideInAnyPackage("org.kdplayground.math..", "org.kdplayground.engine..", "org.kdplayground.data..", "org.kdplayground.io..", "org.kdplayground.cli..", "org.kdplayground.download..")
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

    /** What every screen shares sits below the screens and the engine: a view of the engine is a feature's. */
    @ArchTest
    static final ArchRule sharedUiKnowsNoFeatureAndNoEngine = noClasses()
            .that().resideInAnyPackage("org.kdplayground.ui..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.kdplayground.explorer..", "org.kdplayground.training..", "org.kdplayground.about..",
                    "org.kdplayground.lessons..", "org.kdplayground.cli..", "org.kdplayground.engine..",
                    "org.kdplayground.io..", "ai.djl..");

    @ArchTest
    static final ArchRule explorerDoesNotImportOtherScreens = noClasses()
            .that().resideInAnyPackage("org.kdplayground.explorer..")
            .should().dependOnClassesThat().resideInAnyPackage("org.kdplayground.training..", "org.kdplayground.about..",
                    "org.kdplayground.lessons..");

    /** "Open in the Explorer" goes through the app, which switches screens; the training screen never imports it. */
    @ArchTest
    static final ArchRule trainingDoesNotImportOtherScreens = noClasses()
            .that().resideInAnyPackage("org.kdplayground.training..")
            .should().dependOnClassesThat().resideInAnyPackage("org.kdplayground.explorer..",
                    "org.kdplayground.about..", "org.kdplayground.lessons..");

    /** Files are read and written in io; loading data and making runs of them is the engine's (Experiment.prepare). */
    @ArchTest
    static final ArchRule ioOnlyReadsAndWritesFiles = noClasses()
            .that().resideInAnyPackage("org.kdplayground.io..")
            .should().dependOnClassesThat().haveFullyQualifiedName("org.kdplayground.data.Datasets")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("org.kdplayground.data.Splits")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("org.kdplayground.data.Normalizer")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("org.kdplayground.engine.DistillationRun")
            .orShould().dependOnClassesThat().resideInAnyPackage("ai.djl..");

    /** A loss knows what it is made from (LossSettings), never the run that uses it. */
    @ArchTest
    static final ArchRule lossesDoNotKnowTheRun = noClasses()
            .that().resideInAnyPackage("org.kdplayground.engine.loss..")
            .should().dependOnClassesThat().resideInAPackage("org.kdplayground.engine");

    @ArchTest
    static final ArchRule packagesHaveNoCycles = SlicesRuleDefinition.slices()
            .matching("org.kdplayground.(**)").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule domainDoesNotImportScreensOrCli = noClasses()
            .that().resideInAnyPackage("org.kdplayground.math..", "org.kdplayground.engine..", "org.kdplayground.data..", "org.kdplayground.io..", "org.kdplayground.download..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.kdplayground.explorer..", "org.kdplayground.training..", "org.kdplayground.about..", "org.kdplayground.cli..", "org.kdplayground.ui..");

    /** A download fetches files; it neither trains nor reads experiment files. */
    @ArchTest
    static final ArchRule downloadKnowsOnlyTheDataSets = noClasses()
            .that().resideInAnyPackage("org.kdplayground.download..")
            .should().dependOnClassesThat().resideInAnyPackage("org.kdplayground.engine..", "org.kdplayground.io..",
                    "org.kdplayground.lessons..", "ai.djl..");

    /**
     * The app connects to nothing unless the user asks for a download: only the download package may use an HTTP
     * client or a socket (NoNetworkTest checks the engine's start-up at run time).
     */
    @ArchTest
    static final ArchRule onlyTheDownloadTalksToTheNetwork = noClasses()
            .that().resideOutsideOfPackage("org.kdplayground.download..")
            .should().dependOnClassesThat().resideInAPackage("java.net.http..")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("java.net.Socket")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("java.net.URLConnection")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("java.net.HttpURLConnection");

    @ArchTest
    static final ArchRule lessonsActOnlyThroughTheirStage = noClasses()
            .that().resideInAnyPackage("org.kdplayground.lessons..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.kdplayground.explorer..", "org.kdplayground.training..", "org.kdplayground.about..",
                    "org.kdplayground.engine..", "org.kdplayground.cli..");
}
