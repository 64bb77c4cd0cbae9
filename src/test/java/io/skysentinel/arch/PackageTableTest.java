package io.skysentinel.arch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.api.Test;

/** The reader of docs/architecture.md's package table: what it takes from a row, and that it refuses what it cannot. */
class PackageTableTest {

    static String doc(String... rows) {
        return "# Architecture\n\n## Packages\n\n| package | what | may use |\n|---|---|---|\n"
                + String.join("\n", rows) + "\n\nAfter the table: `not.a.row`.\n";
    }

    @Test
    void readsEachRowsPackagesAndWhatTheyMayUse() {
        PackageTable t = PackageTable.parse(doc(
                "| `core` | the model | nothing of ours |",
                "| `api.rest`, `ops` | HTTP (`Foo`) | `core`, `hub` (reads); never `app` |",
                "| `app` | root | everything |",
                "| `io.skysentinel` | entry point | `app` |"));
        assertThat(t.mayUse())
                .containsOnlyKeys(
                        "io.skysentinel.core",
                        "io.skysentinel.api.rest",
                        "io.skysentinel.ops",
                        "io.skysentinel.app",
                        "io.skysentinel");
        assertThat(t.mayUse().get("io.skysentinel.core")).isEmpty();
        assertThat(t.mayUse().get("io.skysentinel.ops")).isEqualTo(Set.of("io.skysentinel.core", "io.skysentinel.hub"));
        assertThat(t.mayUse().get("io.skysentinel")).isEqualTo(Set.of("io.skysentinel.app"));
        assertThat(t.mayUseEverything()).containsExactly("io.skysentinel.app");
    }

    @Test
    void theRealDocumentHasATableWithTheCoreAndTheRoot() throws Exception {
        PackageTable t = PackageTable.fromDocument();
        assertThat(t.mayUse().get("io.skysentinel.core")).isEmpty();
        assertThat(t.mayUse()).containsKey("io.skysentinel");
    }

    @Test
    void aRowItCannotReadIsAnError() {
        assertThatThrownBy(() -> PackageTable.parse(doc("| `hub` | the hub | the core only |")))
                .hasMessageContaining("may use");
        assertThatThrownBy(() -> PackageTable.parse(doc("| hub | the hub | `core` |")))
                .hasMessageContaining("no package");
        assertThatThrownBy(() -> PackageTable.parse(doc("| `hub` | x | `core` |", "| `hub` | y | `core` |")))
                .hasMessageContaining("two rows");
        assertThatThrownBy(() -> PackageTable.parse(doc("| `Hub.java` | x | `core` |")))
                .hasMessageContaining("not a package name");
        assertThatThrownBy(() -> PackageTable.parse("# no table here\n")).hasMessageContaining("Packages");
    }
}
