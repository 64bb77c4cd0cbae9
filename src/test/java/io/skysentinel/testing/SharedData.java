package io.skysentinel.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * The recorded data of ../shared/data (docs: ../shared/data/SOURCES.md), which a user's clone does not have: tests
 * that read it skip when this answers null. Looked up beside the repository, then at /work/shared/data (a worktree
 * checked out elsewhere).
 */
public final class SharedData {

    private static final Path[] ROOTS = {Path.of("..", "shared", "data"), Path.of("/work/shared/data")};

    private SharedData() {}

    /** The first {@code root/parts…} that passes {@code ok}, or null. */
    public static Path find(Predicate<Path> ok, String... parts) {
        return Stream.of(ROOTS)
                .map(root -> root.resolve(Path.of("", parts)))
                .filter(ok)
                .findFirst()
                .orElse(null);
    }

    /** A recorded file, e.g. {@code file("vatsim", "vatsim-data-20241121T125725Z.json")}, or null. */
    public static Path file(String... parts) {
        return find(Files::isRegularFile, parts);
    }

    /** A folder of recorded files, e.g. {@code dir("opensky")}, or null. */
    public static Path dir(String... parts) {
        return find(Files::isDirectory, parts);
    }

    /** A folder holding every one of {@code files}, or null. */
    public static Path dirWith(String folder, Iterable<String> files) {
        return find(
                dir -> {
                    for (String f : files) if (!Files.isReadable(dir.resolve(f))) return false;
                    return true;
                },
                folder);
    }
}
