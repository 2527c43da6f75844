package vn.nangsuat.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The README's table of problem types is the catalogue's (http-kit's ProblemType), every type in it. */
class ProblemCatalogueDocumentedTest {

    private static final Pattern TYPE = Pattern.compile("\\n {4}[A-Z_]+\\(\"([a-z-]+)\", (\\d{3}),");

    @Test
    void everyProblemTypeIsInTheReadmesTable() {
        Matcher types = TYPE.matcher(Repository.read("http-kit/src/main/java/vn/nangsuat/http/ProblemType.java"));
        String readme = Repository.read("README.md");
        List<String> missing = new ArrayList<>();
        int count = 0;
        while (types.find()) {
            count++;
            if (!readme.contains("| `" + types.group(1) + "` | " + types.group(2) + " |")) {
                missing.add(types.group(1));
            }
        }
        assertTrue(count > 20, count + " types read from the catalogue");
        assertEquals(List.of(), missing, "problem types the README's table lacks");
    }
}
