package dev.berth.templates;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/// `templates` is pure Java and a leaf of the module star: no JavaFX, no other Berth module.
class ArchitectureTest {
    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.berth.templates");

    @Test
    void templates_dependOnNoJavaFxAndNoOtherBerthModule() {
        noClasses().that().resideInAPackage("dev.berth.templates..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "dev.berth.runner..",
                        "dev.berth.editor..", "dev.berth.visualizer..", "dev.berth.app..")
                .check(classes);
    }
}
