package vn.nangsuat.province.domain;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Reads the seed CSV files under `seed/` on the class path (a header line names the columns) into a {@link SeedPlan}. */
public final class SeedFiles {

    private static final ObjectReader ROWS = new CsvMapper().readerForMapOf(String.class)
            .with(CsvSchema.emptySchema().withHeader()).with(CsvParser.Feature.SKIP_EMPTY_LINES);

    private SeedFiles() {
    }

    public static SeedPlan load() {
        return SeedPlan.build(
                read("seed/provinces-2004.csv", row -> new SeedPlan.Unit2004(row.get("code"), row.get("name"),
                        UnitKind.valueOf(row.get("kind")), Region.valueOf(row.get("region")),
                        LocalDate.parse(row.get("valid_from")))),
                read("seed/unit-changes.csv", row -> new SeedPlan.Change(row.get("code"),
                        LocalDate.parse(row.get("effective")), row.get("name"), UnitKind.valueOf(row.get("kind")))),
                read("seed/provinces-2025.csv", row -> new SeedPlan.Unit2025(row.get("code"), row.get("name"),
                        UnitKind.valueOf(row.get("kind")), List.of(row.get("predecessors").trim().split("\\s+")))));
    }

    private static <T> List<T> read(String resource, Function<Map<String, String>, T> mapper) {
        InputStream in = SeedFiles.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("seed file " + resource + " is missing from the class path");
        }
        try (MappingIterator<Map<String, String>> rows = ROWS.readValues(in)) {
            List<T> result = new ArrayList<>();
            while (rows.hasNextValue()) {
                Map<String, String> row = rows.nextValue();
                try {
                    result.add(mapper.apply(row));
                } catch (RuntimeException e) {
                    throw new IllegalStateException(resource + " line " + rows.getCurrentLocation().getLineNr() + ": "
                            + e.getMessage(), e);
                }
            }
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
