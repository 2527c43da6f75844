package vn.nangsuat.deploy;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The environment variables an application reads, and those it cannot start without in production, as its
 * configuration says: the module's application.properties, the kits' shared defaults (http-kit's for all, service-kit's for the
 * three services) and the kits' injection points named by a variable (`@ConfigProperty(name = "DB_PASSWORD")`).
 */
record ApplicationSettings(String application, Set<String> read, Set<String> required, int httpPort, int managementPort) {

    /** Read by the image's entry point and the JVM, not by the application's configuration. */
    private static final Set<String> PROCESS = Set.of("JAVA_OPTS", "MALLOC_ARENA_MAX");
    private static final Pattern EXPRESSION = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(:?)");
    private static final Pattern INJECTED = Pattern.compile(
            "@ConfigProperty\\(name = \"([A-Z][A-Z0-9_]*)\"(, defaultValue)?");
    private static final Pattern VARIABLE_NAME = Pattern.compile("[A-Z][A-Z0-9_]*");

    static ApplicationSettings of(String application) {
        boolean service = !application.equals("gateway");
        Properties own = properties(Repository.read(application + "/src/main/resources/application.properties"));
        Properties shared = properties(Repository.read("http-kit/src/main/resources/META-INF/microprofile-config.properties"));
        if (service) {
            shared.putAll(properties(Repository.read("service-kit/src/main/resources/META-INF/microprofile-config.properties")));
        }
        Set<String> read = new TreeSet<>(PROCESS);
        Set<String> required = new TreeSet<>();
        Set<String> defaulted = new TreeSet<>();
        for (Properties source : List.of(own, shared)) {
            for (String key : source.stringPropertyNames()) {
                String value = source.getProperty(key);
                boolean profiled = key.startsWith("%");
                String name = profiled ? key.substring(key.indexOf('.') + 1) : key;
                if (VARIABLE_NAME.matcher(name).matches()) {
                    read.add(name);
                    if (!profiled) {
                        defaulted.add(name);
                    }
                }
                Matcher expression = EXPRESSION.matcher(value);
                while (expression.find()) {
                    read.add(expression.group(1));
                    if (!profiled && expression.group(2).isEmpty()) {
                        required.add(expression.group(1));
                    }
                }
            }
        }
        for (String module : service ? List.of(application, "http-kit", "service-kit") : List.of(application, "http-kit")) {
            for (Path source : Repository.filesUnder(module + "/src/main/java", ".java")) {
                Matcher injected = INJECTED.matcher(read(source));
                while (injected.find()) {
                    read.add(injected.group(1));
                    if (injected.group(2) == null) {
                        required.add(injected.group(1));
                    }
                }
            }
        }
        required.removeAll(defaulted);
        return new ApplicationSettings(application, read, required,
                port(own, "quarkus.http.port", "HTTP_PORT"), port(own, "quarkus.management.port", "MANAGEMENT_PORT"));
    }

    /** The default of a port whose setting reads `${VARIABLE:default}`. */
    private static int port(Properties properties, String key, String variable) {
        String value = properties.getProperty(key);
        Matcher matcher = Pattern.compile("\\$\\{" + variable + ":(\\d+)}").matcher(value == null ? "" : value);
        if (!matcher.matches()) {
            throw new AssertionError(key + " does not read ${" + variable + ":<default>}: " + value);
        }
        return Integer.parseInt(matcher.group(1));
    }

    private static Properties properties(String text) {
        Properties properties = new Properties();
        try {
            properties.load(new StringReader(text));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }

    private static String read(Path path) {
        try {
            return Files.readString(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
