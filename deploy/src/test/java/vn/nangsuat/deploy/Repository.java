package vn.nangsuat.deploy;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.yaml.snakeyaml.Yaml;

/** The repository's files as the checks read them: the root, YAML documents, the modules' own settings. */
final class Repository {

    static final Path ROOT = Path.of(System.getProperty("nangsuat.root", "..")).toAbsolutePath().normalize();

    /** The applications an image is built for, and the three of them that are services (with a database). */
    static final List<String> APPLICATIONS = List.of("province-service", "indicator-service", "plan-service", "gateway");

    private Repository() {
    }

    static Path file(String relative) {
        return ROOT.resolve(relative);
    }

    static String read(String relative) {
        try {
            return Files.readString(file(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every document of a YAML file, anchors and merge keys (<<) resolved as compose and kubectl resolve them. */
    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> yaml(Path path) {
        List<Map<String, Object>> documents = new ArrayList<>();
        try (Reader reader = Files.newBufferedReader(path)) {
            for (Object document : new Yaml().loadAll(reader)) {
                if (document != null) {
                    documents.add((Map<String, Object>) document);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return documents;
    }

    /** A YAML mapping as read. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    /** The modules the parent POM builds. */
    static List<String> modules() {
        List<String> modules = new ArrayList<>();
        Matcher module = Pattern.compile("<module>([^<]+)</module>").matcher(read("pom.xml"));
        while (module.find()) {
            modules.add(module.group(1));
        }
        return modules;
    }

    /** The first match's first group in a file, or fails naming what was looked for. */
    static String find(String relative, String regex) {
        Matcher matcher = Pattern.compile(regex, Pattern.MULTILINE).matcher(read(relative));
        if (!matcher.find()) {
            throw new AssertionError(relative + " has nothing matching " + regex);
        }
        return matcher.group(1);
    }

    static List<Path> filesUnder(String relative, String suffix) {
        try (Stream<Path> files = Files.walk(file(relative))) {
            return files.filter(path -> path.toString().endsWith(suffix)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
