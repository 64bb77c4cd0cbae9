package io.skysentinel.arch;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Holds the code to the package table of docs/architecture.md, read from the document (see {@link PackageTable}):
 * an allow-list, so a package or a dependency the table does not name fails. Main classes only: tests may reach
 * across (e.g. one test driving two sources).
 */
class PackageBoundariesTest {

    static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(PackageTable.ROOT);

    final PackageTable table = readTable();

    private static PackageTable readTable() {
        try {
            return PackageTable.fromDocument();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + PackageTable.DOCUMENT.toAbsolutePath(), e);
        }
    }

    @Test
    void everyPackageHasARowAndEveryRowAPackage() {
        Set<String> packages = new TreeSet<>();
        for (JavaClass c : MAIN) packages.add(c.getPackageName());
        assertThat(packages)
                .as("packages of " + PackageTable.ROOT + " (a new one needs a row in " + PackageTable.DOCUMENT + ")")
                .isSubsetOf(table.mayUse().keySet());
        assertThat(table.mayUse().keySet())
                .as("rows of " + PackageTable.DOCUMENT + " naming no package with classes")
                .isSubsetOf(packages);
    }

    @Test
    void everyPackageUsesOnlyWhatItsRowAllows() {
        for (Map.Entry<String, Set<String>> row : table.mayUse().entrySet()) {
            String pkg = row.getKey();
            if (table.mayUseEverything().contains(pkg)) continue;
            List<String> allowed = new ArrayList<>(row.getValue());
            allowed.add(pkg);
            classes()
                    .that()
                    .resideInAPackage(pkg)
                    .should()
                    .onlyDependOnClassesThat(resideOutsideOfPackage(PackageTable.ROOT + "..")
                            .or(resideInAnyPackage(allowed.toArray(String[]::new))))
                    .as(pkg + " may use only " + row.getValue() + " (docs/architecture.md)")
                    .allowEmptyShould(true)
                    .check(MAIN);
        }
    }

    @Test
    void theFeaturePackagesAreFreeOfCycles() {
        slices().matching(PackageTable.ROOT + ".(*)..")
                .should()
                .beFreeOfCycles()
                .check(MAIN);
    }

    @Test
    void everyPackageIsFreeOfCycles() {
        slices().matching(PackageTable.ROOT + ".(**)").should().beFreeOfCycles().check(MAIN);
    }

    @Test
    void onlyTheKafkaAdapterAndTheCompositionRootKnowKafka() {
        noClasses()
                .that()
                .resideOutsideOfPackages(PackageTable.ROOT + ".stream.kafka..", PackageTable.ROOT + ".app..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.apache.kafka..", "org.springframework.kafka..")
                .check(MAIN);
    }
}
