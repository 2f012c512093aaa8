package io.triage.k8s;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** Renders a Kustomize overlay of deploy/k8s with the kustomize that kubectl embeds (or a kustomize binary). */
final class Renderer {

    static final Path K8S_DIR =
            Path.of(System.getProperty("k8s.dir", ".")).toAbsolutePath().normalize();
    static final Path REPO_ROOT = K8S_DIR.getParent().getParent();

    private Renderer() {}

    static Manifests render(String overlay) throws IOException, InterruptedException {
        Path copy = Files.createTempDirectory("k8s-render");
        try {
            copyManifests(K8S_DIR, copy);
            return Manifests.parse(run(command(copy.resolve("overlays").resolve(overlay))));
        } finally {
            deleteTree(copy);
        }
    }

    /**
     * Copies the manifests only. A real secrets/*.env someone keeps in a working copy is never read: prod's
     * Secrets are rendered from the committed *.env.example files instead.
     */
    private static void copyManifests(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path source : (Iterable<Path>) files::iterator) {
                Path relative = from.relativize(source);
                String first = relative.getNameCount() > 0 ? relative.getName(0).toString() : "";
                if (first.equals("target")
                        || first.equals("src")
                        || source.toString().endsWith(".env")) {
                    continue;
                }
                Path target = to.resolve(relative.toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
                    if (source.toString().endsWith(".env.example")) {
                        String name = target.getFileName().toString();
                        Files.copy(
                                source, target.resolveSibling(name.substring(0, name.length() - ".example".length())));
                    }
                }
            }
        }
    }

    private static List<String> command(Path dir) {
        if (onPath("kustomize")) {
            return List.of("kustomize", "build", dir.toString());
        }
        if (onPath("kubectl")) {
            return List.of("kubectl", "kustomize", dir.toString());
        }
        throw new IllegalStateException(
                "neither kustomize nor kubectl (kustomize v5 inside) is on the PATH: see deploy/k8s/README.md");
    }

    private static boolean onPath(String binary) {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, binary))) {
                return true;
            }
        }
        return false;
    }

    private static String run(List<String> command) throws IOException, InterruptedException {
        Path err = Files.createTempFile("kustomize", ".err");
        try {
            Process process = new ProcessBuilder(command)
                    .redirectError(err.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " did not finish in 60 s");
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed: " + Files.readString(err));
            }
            return out;
        } finally {
            Files.deleteIfExists(err);
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            for (Path p : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(p);
            }
        }
    }
}
