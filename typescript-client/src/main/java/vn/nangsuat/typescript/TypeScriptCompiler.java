package vn.nangsuat.typescript;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Function;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.HostAccess;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.proxy.ProxyObject;

/**
 * TypeScript's own compiler ({@code typescript.js} from its WebJar) run by GraalJS: checks a set of sources under
 * strict settings and writes their JavaScript (CommonJS modules, ES2020). Sources are held in memory and the
 * compiler's library declarations read from the WebJar as it asks for them; the compiler touches no file itself. Interpreted (no JIT on a stock JDK), so one
 * check takes about half a minute; a build runs one.
 */
public final class TypeScriptCompiler implements AutoCloseable {

    /** What a check found: each diagnostic as file:line: message, and the JavaScript of every source when none. */
    public record Result(List<String> diagnostics, Map<String, String> javaScript) {
    }

    private final Context js;

    public TypeScriptCompiler(String typescriptVersion) {
        String base = "META-INF/resources/webjars/typescript/" + typescriptVersion + "/lib/";
        String compiler = resource(base + "typescript.js");
        Map<String, String> libraries = new ConcurrentHashMap<>();
        Function<String, String> library = name -> libraries.computeIfAbsent(name,
                file -> Objects.requireNonNullElse(optionalResource(base + file), ""));
        js = Context.newBuilder("js").allowHostAccess(HostAccess.ALL)
                .option("engine.WarnInterpreterOnly", "false").build();
        js.eval("js", "var module = { exports: {} }; var exports = module.exports;");
        js.eval(Source.newBuilder("js", compiler, "typescript.js").buildLiteral());
        js.getBindings("js").putMember("library", library);
    }

    /** @param sources path (relative, with '/') to its TypeScript */
    public Result compile(Map<String, String> sources) {
        Map<String, Object> files = new LinkedHashMap<>();
        sources.forEach((path, text) -> files.put("/src/" + path, text));
        Map<String, Object> written = new LinkedHashMap<>();
        List<String> diagnostics = new ArrayList<>();
        Value compile = js.eval("js", """
                (function (files, written, report) {
                  const ts = module.exports;
                  const options = { strict: true, noImplicitOverride: true, noFallthroughCasesInSwitch: true,
                    target: ts.ScriptTarget.ES2020, module: ts.ModuleKind.CommonJS,
                    moduleResolution: ts.ModuleResolutionKind.Node10, lib: ['lib.es2020.d.ts', 'lib.dom.d.ts'],
                    outDir: '/out', rootDir: '/src', newLine: ts.NewLineKind.LineFeed, skipLibCheck: true };
                  const text = (name) => {
                    if (Object.prototype.hasOwnProperty.call(files, name)) return files[name];
                    const known = name.startsWith('/lib/') ? library(name.substring(5)) : '';
                    return known === '' ? undefined : known;
                  };
                  const host = {
                    getSourceFile: (name, version) => { const t = text(name); return t === undefined ? undefined : ts.createSourceFile(name, t, version); },
                    getDefaultLibFileName: () => '/lib/lib.d.ts',
                    writeFile: (name, data) => { written[name.substring('/out/'.length)] = data; },
                    getCurrentDirectory: () => '/src', getDirectories: () => [],
                    fileExists: (name) => text(name) !== undefined, readFile: (name) => text(name),
                    getCanonicalFileName: (name) => name, useCaseSensitiveFileNames: () => true, getNewLine: () => '\\n'
                  };
                  const program = ts.createProgram(Object.keys(files), options, host);
                  const found = ts.getPreEmitDiagnostics(program);
                  for (const d of found) {
                    const where = d.file ? d.file.fileName.replace('/src/', '') + ':' + (d.file.getLineAndCharacterOfPosition(d.start).line + 1) + ': ' : '';
                    report(where + ts.flattenDiagnosticMessageText(d.messageText, '\\n'));
                  }
                  if (found.length === 0) program.emit();
                })
                """);
        compile.execute(ProxyObject.fromMap(files), ProxyObject.fromMap(written),
                (Consumer<String>) diagnostics::add);
        Map<String, String> javaScript = new LinkedHashMap<>();
        written.forEach((path, text) -> javaScript.put(path, String.valueOf(text)));
        return new Result(diagnostics, javaScript);
    }

    @Override
    public void close() {
        js.close();
    }

    private static String resource(String name) {
        String text = optionalResource(name);
        if (text == null) {
            throw new IllegalStateException(name + " is not on the class path: is the TypeScript WebJar a dependency?");
        }
        return text;
    }

    private static String optionalResource(String name) {
        try (InputStream in = TypeScriptCompiler.class.getClassLoader().getResourceAsStream(name)) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
