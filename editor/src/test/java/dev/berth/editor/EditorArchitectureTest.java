package dev.berth.editor;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class EditorArchitectureTest {
    // Importing the compiled main classes directly is much faster than scanning the classpath.
    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPath(Path.of("target", "classes"));

    @Test
    void lexersValidatorsAndAnalysis_needNoToolkit() {
        noClasses().that().resideInAnyPackage("dev.berth.editor.lex..", "dev.berth.editor.check..", "dev.berth.editor.analysis..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.fxmisc..", "org.reactfx..")
                .because("they are unit-tested without a display and run on the background thread")
                .check(classes);
    }

    @Test
    void editor_importsNoOtherBerthModule() {
        noClasses().should().dependOnClassesThat()
                .resideInAnyPackage("dev.berth.runner..", "dev.berth.templates..", "dev.berth.visualizer..", "dev.berth.app..")
                .check(classes);
    }
}
