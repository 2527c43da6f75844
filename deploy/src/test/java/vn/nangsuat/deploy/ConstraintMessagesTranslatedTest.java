package vn.nangsuat.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A provincial office reads a refused field in Vietnamese: every constraint message a service writes is a key
 * (`message = "{year.range}"`) that its ValidationMessages.properties holds in English and its
 * ValidationMessages_vi.properties in Vietnamese, and neither file keeps a key nothing uses.
 */
class ConstraintMessagesTranslatedTest {

    private static final List<String> SERVICES = List.of("province-service", "indicator-service", "plan-service");
    /** A message template of our own, as a Java string literal: "{year.range}" (Bean Validation's are jakarta.*). */
    private static final Pattern KEY = Pattern.compile("\"\\{([a-z][A-Za-z]*(?:\\.[A-Za-z]+)+)\\}\"");
    /** A message written out in an annotation, which only English readers could read. */
    private static final Pattern WRITTEN_OUT = Pattern.compile("message\\s*=\\s*\"(?!\\{)");

    @Test
    void everyConstraintMessageIsAKeyWithItsEnglishAndItsVietnamese() {
        List<String> wrong = new ArrayList<>();
        for (String service : SERVICES) {
            Set<String> used = new TreeSet<>();
            for (Path source : sources(service)) {
                String code = read(source);
                Matcher key = KEY.matcher(code);
                while (key.find()) {
                    used.add(key.group(1));
                }
                if (WRITTEN_OUT.matcher(code).find()) {
                    wrong.add(service + ": " + Repository.ROOT.relativize(source) + " writes a constraint message out");
                }
            }
            Set<String> english = keys(service + "/src/main/resources/ValidationMessages.properties");
            Set<String> vietnamese = keys(service + "/src/main/resources/ValidationMessages_vi.properties");
            check(wrong, service, "used but not in English", used, english);
            check(wrong, service, "in English but not in Vietnamese", english, vietnamese);
            check(wrong, service, "in Vietnamese but not in English", vietnamese, english);
            check(wrong, service, "in English but used nowhere", english, used);
        }
        assertEquals(List.of(), wrong);
    }

    private static void check(List<String> wrong, String service, String what, Set<String> these, Set<String> in) {
        Set<String> missing = new TreeSet<>(these);
        missing.removeAll(in);
        if (!missing.isEmpty()) {
            wrong.add(service + ": " + what + ": " + missing);
        }
    }

    private static List<Path> sources(String service) {
        try (Stream<Path> files = Files.walk(Repository.file(service + "/src/main/java"))) {
            return files.filter(file -> file.toString().endsWith(".java")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Set<String> keys(String relative) {
        Properties messages = new Properties();
        try (Reader reader = Files.newBufferedReader(Repository.file(relative), StandardCharsets.UTF_8)) {
            messages.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new TreeSet<>(messages.stringPropertyNames());
    }
}
