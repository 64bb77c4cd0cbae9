package io.skysentinel.arch;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** Holds the shape of the code: sources, hub and API meet only through io.skysentinel.core. */
class PackageBoundariesTest {

    static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("io.skysentinel");

    @Test
    void theHubImportsNoAdapter() {
        noClasses().that().resideInAPackage("io.skysentinel.hub..")
                .should().dependOnClassesThat().resideInAnyPackage("io.skysentinel.source..", "io.skysentinel.bus..",
                        "io.skysentinel.api..", "io.skysentinel.stream..", "io.skysentinel.history..", "io.skysentinel.app..")
                .check(MAIN);
    }

    @Test
    void sourcesDoNotImportEachOtherNorTheHub() {
        for (String s : new String[]{"sim", "replay", "opensky", "vatsim"}) {
            String self = "io.skysentinel.source." + s + "..";
            noClasses().that().resideInAPackage(self)
                    .should().dependOnClassesThat().resideInAnyPackage("io.skysentinel.hub..", "io.skysentinel.api..",
                            "io.skysentinel.bus..", "io.skysentinel.stream..", "io.skysentinel.history..")
                    .allowEmptyShould(true).check(MAIN);
            noClasses().that().resideInAPackage(self)
                    .should().dependOnClassesThat(com.tngtech.archunit.base.DescribedPredicate.describe(
                            "another source", c -> c.getPackageName().startsWith("io.skysentinel.source.")
                                    && !c.getPackageName().startsWith("io.skysentinel.source." + s)))
                    .allowEmptyShould(true).check(MAIN);
        }
    }

    @Test
    void coreAndStateVectorFormatDependOnNothingOfOurs() {
        noClasses().that().resideInAnyPackage("io.skysentinel.core..", "io.skysentinel.statevector..")
                .should().dependOnClassesThat().resideInAnyPackage("io.skysentinel.hub..", "io.skysentinel.source..",
                        "io.skysentinel.api..", "io.skysentinel.bus..", "io.skysentinel.app..", "io.skysentinel.ops..")
                .check(MAIN);
    }

    @Test
    void theWireFormatKnowsOnlyTheModel() {
        noClasses().that().resideInAPackage("io.skysentinel.wire..")
                .should().dependOnClassesThat().resideInAnyPackage("io.skysentinel.hub..", "io.skysentinel.source..",
                        "io.skysentinel.api..", "io.skysentinel.bus..", "io.skysentinel.app..", "io.skysentinel.ops..")
                .check(MAIN);
    }

    @Test
    void theKafkaStreamKnowsTheHubButNoSourceNorHistory() {
        noClasses().that().resideInAPackage("io.skysentinel.stream.kafka..")
                .should().dependOnClassesThat().resideInAnyPackage("io.skysentinel.source..", "io.skysentinel.history..",
                        "io.skysentinel.api..", "io.skysentinel.app..", "io.skysentinel.ops..", "io.skysentinel.bus..")
                .check(MAIN);
        noClasses().that().resideInAnyPackage("io.skysentinel.api..", "io.skysentinel.ops..", "io.skysentinel.hub..",
                        "io.skysentinel.core..", "io.skysentinel.source..", "io.skysentinel.history..")
                .should().dependOnClassesThat().resideInAnyPackage("io.skysentinel.stream..", "org.apache.kafka..",
                        "org.springframework.kafka..")
                .check(MAIN);
    }

    @Test
    void onlyTheCompositionRootKnowsTheAdapters() {
        noClasses().that().resideInAnyPackage("io.skysentinel.api..", "io.skysentinel.ops..", "io.skysentinel.bus..")
                .should().dependOnClassesThat().resideInAnyPackage("io.skysentinel.source..")
                .check(MAIN);
    }

    @Test
    void analyticsKnowsOnlyTheModelAndTheRunnerTheHub() {
        noClasses().that().resideInAPackage("io.skysentinel.analytics..")
                .should().dependOnClassesThat().resideInAnyPackage("io.skysentinel.source..", "io.skysentinel.stream..",
                        "io.skysentinel.history..", "io.skysentinel.api..", "io.skysentinel.bus..", "io.skysentinel.app..",
                        "io.skysentinel.wire..", "io.skysentinel.ops..")
                .check(MAIN);
        // The detectors are pure: only the runner (package io.skysentinel.analytics itself) follows the hub.
        noClasses().that().resideInAnyPackage("io.skysentinel.analytics.airports..", "io.skysentinel.analytics.movements..",
                        "io.skysentinel.analytics.anomaly..", "io.skysentinel.analytics.track..")
                .should().dependOnClassesThat().resideInAnyPackage("io.skysentinel.hub..")
                .check(MAIN);
        // Nothing below it knows analytics exists: results leave only through core.AnalyticsListener.
        noClasses().that().resideInAnyPackage("io.skysentinel.core..", "io.skysentinel.hub..", "io.skysentinel.wire..",
                        "io.skysentinel.source..", "io.skysentinel.api..")
                .should().dependOnClassesThat().resideInAnyPackage("io.skysentinel.analytics..")
                .check(MAIN);
    }

    @Test
    void historyKnowsOnlyTheModelAndTheHub() {
        noClasses().that().resideInAPackage("io.skysentinel.history..")
                .should().dependOnClassesThat().resideInAnyPackage("io.skysentinel.source..", "io.skysentinel.stream..",
                        "io.skysentinel.api..", "io.skysentinel.bus..", "io.skysentinel.app..", "io.skysentinel.analytics..")
                .check(MAIN);
    }
}
