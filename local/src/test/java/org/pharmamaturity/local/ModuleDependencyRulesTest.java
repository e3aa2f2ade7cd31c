package org.pharmamaturity.local;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

/**
 * The module dependency rules of the README's "Architecture" table, checked on the compiled main classes of every
 * module this module's tests see (all but the benchmarks, which Maven keeps from depending on the local stack):
 * dependencies point one way, and no main code reaches for test code.
 */
class ModuleDependencyRulesTest {

    private static final String ROOT = "org.pharmamaturity";
    private static final List<String> MODULES = List.of("schemas", "evaluation", "embedded", "testing", "streams",
            "producers", "local", "benchmarks");
    private static final JavaClasses MAIN_CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(ROOT);

    @Test
    void theClassesOfEveryModuleAreImported() {
        // A rule over no classes passes vacuously: make sure each module the rules name is on the classpath.
        for (String module : List.of("schemas", "evaluation", "embedded", "testing", "streams", "producers", "local")) {
            boolean present = MAIN_CLASSES.stream().anyMatch(c -> c.getPackageName().startsWith(ROOT + "." + module));
            assertThat(present).as("main classes of module %s imported", module).isTrue();
        }
    }

    @Test
    void schemasDependsOnNoOtherModule() {
        onlyOwnModuleAndLibraries("schemas").check(MAIN_CLASSES);
    }

    @Test
    void evaluationIsPlainJavaWithoutKafkaAvroOrOtherModules() {
        onlyOwnModuleAndLibraries("evaluation").check(MAIN_CLASSES);
        noClasses().that().resideInAPackage(ROOT + ".evaluation..")
                .should().dependOnClassesThat().resideInAnyPackage("org.apache.kafka..", "org.apache.avro..")
                .because("the maturity model is plain Java, no Kafka")
                .check(MAIN_CLASSES);
    }

    @Test
    void embeddedDependsOnNoOtherModule() {
        onlyOwnModuleAndLibraries("embedded").check(MAIN_CLASSES);
    }

    @Test
    void streamsDependsOnSchemasAndEvaluationOnly() {
        onlyOwnModuleAndLibraries("streams", "schemas", "evaluation").check(MAIN_CLASSES);
    }

    @Test
    void producersDependOnSchemasAndEvaluationOnly() {
        onlyOwnModuleAndLibraries("producers", "schemas", "evaluation").check(MAIN_CLASSES);
    }

    @Test
    void nothingDependsOnTheLocalStack() {
        noClasses().that().resideOutsideOfPackage(ROOT + ".local..")
                .should().dependOnClassesThat().resideInAPackage(ROOT + ".local..")
                .check(MAIN_CLASSES);
    }

    @Test
    void mainCodeUsesNoTestCode() {
        noClasses().that().resideOutsideOfPackage(ROOT + ".testing..")
                .should().dependOnClassesThat().resideInAnyPackage(ROOT + ".testing..", "org.junit..", "org.opentest4j..",
                        "org.apache.kafka.common.test..")
                .because("test fixtures, JUnit and Kafka's test kit stay in test scope (module testing)")
                .check(MAIN_CLASSES);
    }

    /** Classes of {@code module} depend on no module of the project but itself and {@code allowed}. */
    private static ArchRule onlyOwnModuleAndLibraries(String module, String... allowed) {
        String[] others = MODULES.stream()
                .filter(other -> !other.equals(module) && !List.of(allowed).contains(other))
                .map(other -> ROOT + "." + other + "..")
                .toArray(String[]::new);
        return noClasses().that().resideInAPackage(ROOT + "." + module + "..")
                .should().dependOnClassesThat().resideInAnyPackage(others);
    }
}
