package vn.nangsuat.typescript;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The build's check must be able to fail: a wrong use of a type is a diagnostic naming file and line. */
class TypeScriptCompilerTest {

    private static TypeScriptCompiler compiler;

    @BeforeAll
    static void loadTheCompiler() {
        compiler = new TypeScriptCompiler(System.getProperty("typescript.version", "5.9.3"));
    }

    @AfterAll
    static void close() {
        compiler.close();
    }

    @Test
    void aPropertyThatMayBeNullUsedAsIfNeverIsReportedAndNothingIsEmitted() {
        TypeScriptCompiler.Result result = compiler.compile(Map.of(
                "model.ts", "export interface Unit { code: string; validTo: string | null }\n",
                "app.ts", "import { Unit } from './model';\n"
                        + "export const days = (unit: Unit): number => unit.validTo.length;\n"));
        assertEquals(List.of("app.ts:2: 'unit.validTo' is possibly 'null'."), result.diagnostics());
        assertTrue(result.javaScript().isEmpty());
    }

    @Test
    void correctSourcesBecomeCommonJsModulesThatUseFetchFromTheDomLibrary() {
        TypeScriptCompiler.Result result = compiler.compile(Map.of(
                "read.ts", "export async function read(url: string): Promise<number> {\n"
                        + "  const answer: Response = await fetch(url, { headers: { Accept: 'application/json' } });\n"
                        + "  return answer.status;\n}\n"));
        assertEquals(List.of(), result.diagnostics());
        assertTrue(result.javaScript().get("read.js").contains("exports.read = read"), result.javaScript().toString());
    }
}
