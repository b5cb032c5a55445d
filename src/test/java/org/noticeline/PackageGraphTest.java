package org.noticeline;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shape of the code, read from its sources: packages that depend on each other only one way (and features
 * likewise), a shared web package that depends on no feature, HTTP types only in resources ({@code rest}
 * packages, or classes that are resources or filters themselves), and a
 * package-info in every package.
 */
class PackageGraphTest {

    private static final Path SOURCES = Path.of("src/main/java/org/noticeline");
    private static final Pattern REFERENCE = Pattern.compile("org\\.noticeline\\.((?:[a-z]+\\.)*[a-z]+)\\.[A-Z]");
    private static final Set<String> SHARED = Set.of("config", "domain", "hash", "transaction", "web");

    @Test
    void packagesDependOnEachOtherOneWayOnly() {
        assertThat(cycles(graph(false))).isEmpty();
    }

    @Test
    void featuresDependOnEachOtherOneWayOnly() {
        assertThat(cycles(graph(true))).isEmpty();
    }

    @Test
    void sharedPackagesDependOnNoFeature() {
        Map<String, Set<String>> graph = graph(false);
        SHARED.forEach(shared -> assertThat(graph.getOrDefault(shared, Set.of())).as(shared).allMatch(SHARED::contains));
    }

    @Test
    void onlyResourcesAndFiltersSpeakHttp() {
        List<String> offenders = sources().filter(f -> !packageOf(f).equals("web") && !packageOf(f).endsWith(".rest"))
                .filter(f -> read(f).contains("org.noticeline.web.Problem") || read(f).contains("jakarta.ws.rs.core.Response;"))
                .filter(f -> !isHttpFacing(read(f)))
                .map(f -> SOURCES.relativize(f).toString()).toList();
        assertThat(offenders).isEmpty();
    }

    @Test
    void everyPackageSaysWhatItIsFor() throws IOException {
        try (Stream<Path> dirs = Files.walk(SOURCES)) {
            List<String> missing = dirs.filter(Files::isDirectory).filter(d -> !Files.exists(d.resolve("package-info.java")))
                    .map(d -> SOURCES.relativize(d).toString()).toList();
            assertThat(missing).isEmpty();
        }
    }

    private static boolean isHttpFacing(String source) {
        return source.contains("@Path(") || source.contains("@Provider") || source.contains("ContainerRequestFilter")
                || source.contains("@ServerExceptionMapper") || source.contains("@ServerRequestFilter") || source.contains("@ServerResponseFilter")
                // A Vert.x route installed on the router is a filter below REST (security headers, rate limits).
                || source.contains("@Observes Router");
    }

    /** Package (or, with {@code features}, top-level feature) to the ones it references. */
    private static Map<String, Set<String>> graph(boolean features) {
        Map<String, Set<String>> graph = new TreeMap<>();
        sources().forEach(file -> {
            String from = name(packageOf(file), features);
            Matcher m = REFERENCE.matcher(read(file));
            while (m.find()) {
                String to = name(m.group(1), features);
                if (!to.equals(from)) {
                    graph.computeIfAbsent(from, k -> new TreeSet<>()).add(to);
                }
            }
        });
        return graph;
    }

    private static String name(String pkg, boolean features) {
        return features ? pkg.split("\\.")[0] : pkg;
    }

    /** Every cycle found by a depth-first walk, written a -> b -> a. */
    private static List<String> cycles(Map<String, Set<String>> graph) {
        List<String> found = new ArrayList<>();
        Set<String> done = new HashSet<>();
        for (String start : graph.keySet()) {
            walk(start, graph, new ArrayList<>(), done, found);
        }
        return found;
    }

    private static void walk(String node, Map<String, Set<String>> graph, List<String> path, Set<String> done, List<String> found) {
        int at = path.indexOf(node);
        if (at >= 0) {
            List<String> cycle = new ArrayList<>(path.subList(at, path.size()));
            cycle.add(node);
            found.add(String.join(" -> ", cycle));
            return;
        }
        if (!done.add(node)) {
            return;
        }
        path.add(node);
        for (String next : graph.getOrDefault(node, Set.of())) {
            walk(next, graph, path, done, found);
        }
        path.remove(path.size() - 1);
    }

    private static String packageOf(Path file) {
        Path dir = SOURCES.relativize(file).getParent();
        return dir == null ? "" : dir.toString().replace('/', '.');
    }

    private static final Map<Path, String> TEXT = new HashMap<>();

    private static String read(Path file) {
        return TEXT.computeIfAbsent(file, f -> {
            try {
                return Files.readString(f);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private static Stream<Path> sources() {
        try (Stream<Path> files = Files.walk(SOURCES)) {
            return files.filter(f -> f.toString().endsWith(".java") && !f.endsWith("package-info.java")).toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
