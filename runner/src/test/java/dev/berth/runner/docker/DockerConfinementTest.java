package dev.berth.runner.docker;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/// docker-java stays behind ContainerEngine: only this package may touch it.
class DockerConfinementTest {
    @Test void dockerJava_importedOnlyByTheDockerPackage() {
        var classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.berth.runner");
        noClasses().that().resideOutsideOfPackage("dev.berth.runner.docker..")
                .should().dependOnClassesThat().resideInAPackage("com.github.dockerjava..")
                .check(classes);
    }
}
