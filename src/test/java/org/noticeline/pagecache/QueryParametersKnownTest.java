package org.noticeline.pagecache;

import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.QueryParam;
import org.jboss.resteasy.reactive.RestQuery;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The page cache leaves out of its key every parameter it does not know: a GET resource that reads a parameter the
 * key leaves out would be answered with another request's page. So every query parameter of every GET is known to
 * {@link PageKey}, as part of the key or as one that keeps the answer out of the cache.
 */
class QueryParametersKnownTest {

    private static final Path CLASSES = Path.of("target/classes");

    @Test
    void everyParameterAGetReadsIsInTheKeyOrKeepsTheAnswerOut() throws IOException {
        Set<String> read = new TreeSet<>();
        for (Class<?> type : classes()) {
            for (Method method : type.getDeclaredMethods()) {
                if (method.isAnnotationPresent(GET.class)) {
                    for (Parameter parameter : method.getParameters()) {
                        name(parameter.getAnnotation(RestQuery.class), parameter.getAnnotation(QueryParam.class), parameter.getName()).ifPresent(read::add);
                        if (parameter.isAnnotationPresent(BeanParam.class)) {
                            read.addAll(fields(parameter.getType()));
                        }
                    }
                }
            }
        }
        assertThat(read).as("what the GET resources read").contains("platform", "q", "cursor");
        Set<String> known = new TreeSet<>(PageKey.LISTS);
        known.addAll(PageKey.SINGLES);
        known.addAll(PageKey.UNCACHEABLE);
        assertThat(known).containsAll(read);
    }

    private static Set<String> fields(Class<?> bean) {
        Set<String> names = new TreeSet<>();
        for (Class<?> c = bean; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                name(field.getAnnotation(RestQuery.class), field.getAnnotation(QueryParam.class), field.getName()).ifPresent(names::add);
            }
        }
        return names;
    }

    private static Optional<String> name(RestQuery rest, QueryParam query, String declared) {
        if (rest != null) {
            return Optional.of(rest.value().isEmpty() ? declared : rest.value());
        }
        return query == null ? Optional.empty() : Optional.of(query.value());
    }

    private static Set<Class<?>> classes() throws IOException {
        Set<Class<?>> classes = new HashSet<>();
        try (Stream<Path> files = Files.walk(CLASSES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = CLASSES.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
                try {
                    classes.add(Class.forName(name, false, QueryParametersKnownTest.class.getClassLoader()));
                } catch (ClassNotFoundException | LinkageError e) {
                    throw new IllegalStateException("cannot load " + name, e);
                }
            }
        }
        return classes;
    }
}
