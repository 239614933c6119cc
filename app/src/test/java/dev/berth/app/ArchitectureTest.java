package dev.berth.app;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/// The module rules of DESIGN.md, checked on the whole application's classes (app sees every module).
class ArchitectureTest {
    private static JavaClasses berth;

    @BeforeAll
    static void importClasses() {
        berth = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.berth");
    }

    @Test
    void runnerAndTemplates_useNoJavaFx() {
        noClasses().that().resideInAnyPackage("dev.berth.runner..", "dev.berth.templates..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.fxmisc..")
                .check(berth);
    }

    @Test
    void onlyTheDockerPackage_importsDockerJava() {
        noClasses().that().resideOutsideOfPackage("dev.berth.runner.docker..")
                .should().dependOnClassesThat().resideInAPackage("com.github.dockerjava..")
                .check(berth);
    }

    @Test
    void theUi_neverCallsDockerDirectly() {
        noClasses().that().resideInAPackage("dev.berth.app.ui..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.berth.runner.docker..", "com.github.dockerjava..")
                .check(berth);
    }

    @Test
    void leafModules_doNotDependOnEachOther() {
        String[] leaves = {"dev.berth.runner..", "dev.berth.templates..", "dev.berth.editor..", "dev.berth.visualizer.."};
        for (var leaf : leaves) {
            var others = java.util.Arrays.stream(leaves).filter(l -> !l.equals(leaf)).toArray(String[]::new);
            noClasses().that().resideInAPackage(leaf).should().dependOnClassesThat().resideInAnyPackage(others)
                    .orShould().dependOnClassesThat().resideInAPackage("dev.berth.app..")
                    .check(berth);
        }
    }

    @Test
    void platformRunLater_livesOnlyInTheFxExecutor() {
        noClasses().that().resideInAPackage("dev.berth..").and().doNotHaveSimpleName("FxExecutor")
                .should().callMethod(javafx.application.Platform.class, "runLater", Runnable.class)
                .check(berth);
    }
}
