package vn.nangsuat.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What an ops team reads to configure an application is complete: every environment variable an application reads
 * is named (in backquotes, in full) in the README or in the application's own README.
 */
class ConfigurationDocumentedTest {

    @Test
    void everyVariableAnApplicationReadsIsDocumented() {
        String readme = Repository.read("README.md");
        List<String> undocumented = new ArrayList<>();
        for (String application : Repository.APPLICATIONS) {
            String own = Files.exists(Repository.file(application + "/README.md"))
                    ? Repository.read(application + "/README.md") : "";
            for (String variable : ApplicationSettings.of(application).read()) {
                String named = "`" + variable + "`";
                if (!readme.contains(named) && !own.contains(named)) {
                    undocumented.add(application + " " + variable);
                }
            }
        }
        assertEquals(List.of(), undocumented, "variables read but named in no README");
    }
}
