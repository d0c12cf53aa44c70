package io.reelfm.launcher.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.EvaluationResult;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;

/**
 * The project's import rules, checked once over the compiled main classes of every module (the
 * launcher's test class path holds them all): services never import each other, the model core
 * imports no Kafka and no HTTP, neither the core nor a running service reads data files (the
 * datasets module; only ingest's replay and the trainer's offline evaluation, batch tools, do), and
 * no module's packages depend on each other in a cycle.
 */
class ImportRulesTest {

    private static final List<String> SERVICES = List.of("ingest", "trainer", "serving");
    /** Packages that are one module each; a cycle among a module's own packages is a cycle here. */
    private static final List<String> MODULES = List.of("io.reelfm.schemas", "io.reelfm.datasets", "io.reelfm.core",
            "io.reelfm.service", "io.reelfm.ingest", "io.reelfm.trainer", "io.reelfm.serving", "io.reelfm.launcher");

    private static JavaClasses main;

    @BeforeAll
    static void importMainClasses() {
        main = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("io.reelfm");
    }

    @Test
    void servicesNeverImportEachOtherTheLauncherOrTheEmbeddedBroker() {
        for (String service : SERVICES) {
            List<String> others = SERVICES.stream().filter(s -> !s.equals(service)).map(s -> "io.reelfm." + s + "..").toList();
            noClasses().that().resideInAPackage("io.reelfm." + service + "..")
                    .should().dependOnClassesThat().resideInAnyPackage(concat(others, "io.reelfm.launcher..", "io.reelfm.kafka..", "io.reelfm.bench.."))
                    .check(main);
        }
    }

    @Test
    void sharedModulesImportNoService() {
        noClasses().that().resideInAnyPackage("io.reelfm.schemas..", "io.reelfm.datasets..", "io.reelfm.core..", "io.reelfm.service..")
                .should().dependOnClassesThat().resideInAnyPackage("io.reelfm.ingest..", "io.reelfm.trainer..", "io.reelfm.serving..",
                        "io.reelfm.launcher..", "io.reelfm.kafka..")
                .check(main);
    }

    @Test
    void theModelCoreImportsNoKafkaAndNoHttp() {
        noClasses().that().resideInAPackage("io.reelfm.core..")
                .should().dependOnClassesThat().resideInAnyPackage("org.apache.kafka..", "io.javalin..", "jakarta.servlet..",
                        "org.eclipse.jetty..", "java.net.http..", "io.reelfm.service..")
                .check(main);
    }

    @Test
    void onlyTheServicesBatchToolsReadDataFiles() {
        // datasets is batch code (file readers, downloads, the row-to-core bridge): ingest's replay (a writer of the
        // input topics) and the trainer's offline evaluation use it, as do the launcher, tests and benchmarks; the core
        // takes its own attribute types and the running services map topic records onto them
        noClasses().that().resideInAnyPackage("io.reelfm.core..", "io.reelfm.service..", "io.reelfm.ingest..",
                        "io.reelfm.trainer..", "io.reelfm.serving..")
                .and().resideOutsideOfPackages("io.reelfm.ingest.replay..", "io.reelfm.trainer.evaluate..")
                .should().dependOnClassesThat().resideInAPackage("io.reelfm.datasets..")
                .check(main);
    }

    @Test
    void theRunningServicesDoNotReachIntoTheirBatchTools() {
        noClasses().that().resideInAnyPackage("io.reelfm.ingest..", "io.reelfm.trainer..")
                .and().resideOutsideOfPackages("io.reelfm.ingest.replay..", "io.reelfm.trainer.evaluate..")
                .should().dependOnClassesThat().resideInAnyPackage("io.reelfm.ingest.replay..", "io.reelfm.trainer.evaluate..")
                .check(main);
    }

    @Test
    void onlyIngestsHttpLayerKnowsHttpTypes() {
        noClasses().that().resideInAnyPackage("io.reelfm.ingest.validate..", "io.reelfm.ingest.body..", "io.reelfm.ingest.publish..",
                        "io.reelfm.ingest.kafka..")
                .should().dependOnClassesThat().resideInAnyPackage("io.javalin..", "jakarta.servlet..")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("io.reelfm.service.http.ApiException")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("io.reelfm.service.http.ServiceApp")
                .check(main);
    }

    @Test
    void noModulesPackagesDependOnEachOtherInACycle() {
        List<String> cycles = new java.util.ArrayList<>();
        for (String module : MODULES) {
            EvaluationResult result = slices().assignedFrom(firstPackageBelow(module)).should().beFreeOfCycles().evaluate(main);
            result.getFailureReport().getDetails().stream().filter(d -> d.startsWith("Cycle detected"))
                    .map(d -> d.lines().takeWhile(l -> !l.trim().startsWith("1.")).map(String::trim)
                            .collect(java.util.stream.Collectors.joining(" ")))
                    .forEach(cycles::add);
        }
        assertThat(cycles).as("package cycles inside a module").isEmpty();
    }

    /** One slice per package directly below the module's root (with everything under it), and one for the root's own classes. */
    private static SliceAssignment firstPackageBelow(String root) {
        return new SliceAssignment() {
            @Override
            public SliceIdentifier getIdentifierOf(JavaClass c) {
                String pkg = c.getPackageName();
                if (pkg.equals(root)) {
                    return SliceIdentifier.of(root);
                }
                if (!pkg.startsWith(root + ".")) {
                    return SliceIdentifier.ignore();
                }
                String rest = pkg.substring(root.length() + 1);
                int dot = rest.indexOf('.');
                return SliceIdentifier.of(root + "." + (dot < 0 ? rest : rest.substring(0, dot)));
            }

            @Override
            public String getDescription() {
                return "packages directly below " + root;
            }
        };
    }

    private static String[] concat(List<String> a, String... b) {
        return java.util.stream.Stream.concat(a.stream(), java.util.Arrays.stream(b)).toArray(String[]::new);
    }
}
