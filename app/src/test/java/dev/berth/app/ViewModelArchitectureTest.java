package dev.berth.app;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/// STYLE.md rule 8: view models import nothing from `javafx.scene`, so they are tested without a toolkit.
class ViewModelArchitectureTest {
    @Test
    void viewModels_doNotDependOnJavafxScene() {
        var app = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.berth.app.ui");
        noClasses().that().haveSimpleNameEndingWith("ViewModel")
                .or().haveSimpleName("StorageAccess").or().haveSimpleName("StatusLine")
                .should().dependOnClassesThat().resideInAPackage("javafx.scene..")
                .check(app);
    }
}
