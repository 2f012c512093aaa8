package io.triage.system.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where the repository, the packaged services and this module's outputs are. */
public final class Layout {

    private Layout() {}

    /** The repository root: failsafe passes it; run from the module folder otherwise. */
    public static Path root() {
        String configured = System.getProperty("project.root");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured).toAbsolutePath();
        }
        Path here = Path.of("").toAbsolutePath();
        return Files.exists(here.resolve("system-tests")) ? here : here.getParent();
    }

    /** {@code system-tests/target/logs}: every process's output, for debugging a failed run. */
    public static Path logs() {
        return target("logs");
    }

    public static Path target(String child) {
        Path dir = root().resolve("system-tests/target").resolve(child);
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return dir;
    }
}
