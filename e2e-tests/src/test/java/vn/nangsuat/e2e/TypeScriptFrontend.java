package vn.nangsuat.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.HostAccess;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.proxy.ProxyExecutable;
import org.graalvm.polyglot.proxy.ProxyObject;

/**
 * Runs the TypeScript client's scenario (typescript-client, type-checked and compiled to JavaScript in its build) as a
 * browser would, but in GraalJS: the client's calls go through a {@code fetch} backed by Java's HTTP client, to the
 * packaged gateway. GraalJS has no browser objects; the client only needs {@code fetch} and names
 * {@code URLSearchParams}, {@code FormData} and {@code Blob} in {@code instanceof} checks, so those are stand-ins.
 */
final class TypeScriptFrontend {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** One HTTP exchange as the JavaScript fetch reads it: status, headers by lower-case name, body. */
    public record Answer(int status, String headersJson, String body) {
    }

    private TypeScriptFrontend() {
    }

    /** Runs {@code scenario(basePath, token)} and answers what it returned. */
    static JsonNode runScenario(String basePath, String token) throws Exception {
        Map<String, Object> modules = new LinkedHashMap<>();
        for (String file : resource("typescript/files").split("\n")) {
            if (!file.isBlank()) {
                modules.put(file, resource("typescript/js/" + file));
            }
        }
        try (Context js = Context.newBuilder("js").allowHostAccess(HostAccess.ALL)
                .option("engine.WarnInterpreterOnly", "false").build()) {
            js.getBindings("js").putMember("modules", ProxyObject.fromMap(modules));
            js.getBindings("js").putMember("http", (ProxyExecutable) args -> send(args[0].asString(), args[1].asString(),
                    args[2].asString(), args[3].isNull() ? null : args[3].asString()));
            js.eval("js", """
                    class URLSearchParams {}
                    class FormData {}
                    class Blob {}
                    globalThis.fetch = async (url, init) => {
                      const request = init || {};
                      const answer = http(String(request.method || 'GET'), String(url), JSON.stringify(request.headers || {}),
                          request.body === undefined || request.body === null ? null : String(request.body));
                      const headers = JSON.parse(answer.headersJson());
                      return { url: String(url), status: answer.status(), ok: answer.status() >= 200 && answer.status() < 300,
                        headers: { get: (name) => headers[name.toLowerCase()] ?? null, has: (name) => name.toLowerCase() in headers },
                        json: async () => JSON.parse(answer.body()), text: async () => answer.body() };
                    };
                    const loaded = {};
                    function load(path) {
                      if (loaded[path]) return loaded[path].exports;
                      const module = { exports: {} };
                      loaded[path] = module;
                      const directory = path.includes('/') ? path.substring(0, path.lastIndexOf('/') + 1) : '';
                      const require = (name) => load(resolve(directory, name));
                      new Function('exports', 'require', 'module', modules[path])(module.exports, require, module);
                      return module.exports;
                    }
                    function resolve(directory, name) {
                      const parts = (directory + name).split('/');
                      const path = [];
                      for (const part of parts) {
                        if (part === '..') path.pop(); else if (part !== '.' && part !== '') path.push(part);
                      }
                      const joined = path.join('/');
                      return modules[joined + '.js'] !== undefined ? joined + '.js' : joined + '/index.js';
                    }
                    """);
            Value run = js.eval("js", """
                    (basePath, token) => load('scenario.js').scenario(basePath, token).then(JSON.stringify, async (error) => {
                      throw new Error(error && error.response
                          ? error.response.status + ' ' + error.response.url + ': ' + (await error.response.text()) : String(error));
                    })
                    """);
            CompletableFuture<String> seen = new CompletableFuture<>();
            run.execute(basePath, token).invokeMember("then",
                    (ProxyExecutable) args -> seen.complete(args[0].asString()),
                    (ProxyExecutable) args -> seen.completeExceptionally(new AssertionError("the scenario failed: " + args[0])));
            return JSON.readTree(seen.get(1, TimeUnit.MINUTES));
        }
    }

    private static Answer send(String method, String url, String headersJson, String body) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
            JSON.readTree(headersJson).fields().forEachRemaining(header -> request.header(header.getKey(),
                    header.getValue().asText()));
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            Map<String, String> headers = new LinkedHashMap<>();
            response.headers().map().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), String.join(", ", values)));
            return new Answer(response.statusCode(), JSON.writeValueAsString(headers), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = TypeScriptFrontend.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is not on the class path: build typescript-client first");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
