package vn.nangsuat.typescript;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The build step: type-checks the generated client and the scenario together and writes their TypeScript and
 * JavaScript into the jar ({@code typescript/src/...}, {@code typescript/js/...}, listed in {@code typescript/files}).
 * Any diagnostic fails the build, naming the file and line.
 * <p>
 * Arguments: the TypeScript version (of the WebJar), the generated client's directory, the directory of the sources
 * written here (the scenario), the output directory.
 */
public final class CheckAndEmit {

    private CheckAndEmit() {
    }

    public static void main(String[] args) throws IOException {
        Map<String, String> sources = new TreeMap<>();
        read(Path.of(args[1]), "client/", sources);
        read(Path.of(args[2]), "", sources);
        long started = System.nanoTime();
        TypeScriptCompiler.Result result;
        try (TypeScriptCompiler compiler = new TypeScriptCompiler(args[0])) {
            result = compiler.compile(sources);
        }
        if (!result.diagnostics().isEmpty()) {
            result.diagnostics().forEach(System.err::println);
            System.err.println(result.diagnostics().size() + " TypeScript errors in the client or the scenario");
            System.exit(1);
        }
        Path out = Path.of(args[3]);
        StringBuilder listing = new StringBuilder();
        for (Map.Entry<String, String> source : sources.entrySet()) {
            write(out.resolve("src").resolve(source.getKey()), source.getValue());
        }
        for (Map.Entry<String, String> script : new TreeMap<>(result.javaScript()).entrySet()) {
            write(out.resolve("js").resolve(script.getKey()), script.getValue());
            listing.append(script.getKey()).append('\n');
        }
        write(out.resolve("files"), listing.toString());
        System.out.printf("TypeScript %s: %d files type-checked (strict), %d written as JavaScript, in %d s%n", args[0],
                sources.size(), result.javaScript().size(), (System.nanoTime() - started) / 1_000_000_000);
    }

    private static void read(Path directory, String prefix, Map<String, String> sources) throws IOException {
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.filter(path -> path.toString().endsWith(".ts")).toList()) {
                sources.put(prefix + directory.relativize(file).toString().replace('\\', '/'),
                        Files.readString(file, StandardCharsets.UTF_8));
            }
        }
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}
