package org.classroom.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The module graph's rules, checked on the compiled classes of every module: what runs where must not
 * reach into what runs elsewhere, the desktop's screens see only their view models, and no package
 * depends back on a package that depends on it.
 */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        // Production code only: neither test classes nor the modules' test-jars (shared test helpers).
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(location -> !location.contains("-tests.jar"))
                .importPackages("org.classroom");
    }

    @Test
    void commonDependsOnNoOtherPartOfTheProject() {
        noClasses().that().resideInAPackage("org.classroom.common..")
                .should().dependOnClassesThat().resideInAnyPackage("org.classroom.face..", "org.classroom.function..",
                        "org.classroom.relay..", "org.classroom.desktop..", "org.classroom.localcloud..",
                        "org.classroom.provision..", "org.classroom.cli..", "org.classroom.localsystem..")
                .check(classes);
    }

    @Test
    void theFaceEngineNeverUsesTheFunctionAroundIt() {
        noClasses().that().resideInAPackage("org.classroom.face..")
                .should().dependOnClassesThat().resideInAnyPackage("org.classroom.function..", "software.amazon.awssdk..",
                        "com.amazonaws..")
                .check(classes);
    }

    @Test
    void theDesktopDoesNoFaceWorkAndKnowsNeitherTheFunctionNorTheRelaysCode() {
        noClasses().that().resideInAPackage("org.classroom.desktop..")
                .should().dependOnClassesThat().resideInAnyPackage("org.classroom.face..", "org.classroom.function..",
                        "org.classroom.relay..", "org.classroom.localcloud..", "org.bytedeco..")
                .check(classes);
    }

    @Test
    void theRelayKnowsTheFunctionOnlyThroughLambda() {
        noClasses().that().resideInAPackage("org.classroom.relay..")
                .should().dependOnClassesThat().resideInAnyPackage("org.classroom.face..", "org.classroom.function..",
                        "org.classroom.desktop..", "org.classroom.localcloud..")
                .check(classes);
    }

    @Test
    void theLocalCloudRunsAnyHandlerAndKnowsNoneOfTheParts() {
        noClasses().that().resideInAPackage("org.classroom.localcloud..")
                .should().dependOnClassesThat().resideInAnyPackage("org.classroom.face..", "org.classroom.function..",
                        "org.classroom.relay..", "org.classroom.desktop..", "org.classroom.provision..",
                        "org.classroom.cli..", "org.classroom.localsystem..")
                .check(classes);
    }

    @Test
    void onlyTheCommandLineAndTheLocalSystemSitOnTop() {
        noClasses().that().resideOutsideOfPackages("org.classroom.cli..", "org.classroom.localsystem..")
                .should().dependOnClassesThat().resideInAnyPackage("org.classroom.cli..", "org.classroom.localsystem..")
                .check(classes);
    }

    @Test
    void theDesktopsGuiUsesOnlyViewModelsAndTheModel() {
        // Besides its view models and the values it shows (the desktop's model, the shared Student): the
        // JDK, the JavaFX toolkit and logging, nothing else a screen could need. The gui's tests are left
        // out with every test class (see importClasses).
        classes().that().resideInAPackage("org.classroom.desktop.gui..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("org.classroom.desktop.gui..",
                        "org.classroom.desktop.viewmodel..", "org.classroom.desktop.model..",
                        "org.classroom.common.model..", "java..", "javafx..", "org.slf4j..")
                .check(classes);
    }

    @Test
    void noPackageCycles() {
        slices().matching("org.classroom.(**)").should().beFreeOfCycles().check(classes);
    }
}
