package vn.nangsuat.province.domain;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/** Reads the seed CSV files under `seed/` on the class path into a {@link SeedPlan}. */
public final class SeedFiles {

    private SeedFiles() {
    }

    public static SeedPlan load() {
        return SeedPlan.build(
                read("seed/provinces-2004.csv", row -> new SeedPlan.Unit2004(row[0], row[1],
                        UnitKind.valueOf(row[2]), Region.valueOf(row[3]), LocalDate.parse(row[4]))),
                read("seed/unit-changes.csv", row -> new SeedPlan.Change(row[0], LocalDate.parse(row[1]), row[2],
                        UnitKind.valueOf(row[3]))),
                read("seed/provinces-2025.csv", row -> new SeedPlan.Unit2025(row[0], row[1],
                        UnitKind.valueOf(row[2]), Arrays.asList(row[3].trim().split("\\s+")))));
    }

    /** Simple CSV: a header line, then comma-separated fields with no quoting (the seed names have no commas). */
    private static <T> List<T> read(String resource, Function<String[], T> mapper) {
        InputStream in = SeedFiles.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("seed file " + resource + " is missing from the class path");
        }
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            List<T> rows = new ArrayList<>();
            String line = reader.readLine();
            int number = 1;
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                try {
                    rows.add(mapper.apply(line.split(",", -1)));
                } catch (RuntimeException e) {
                    throw new IllegalStateException(resource + " line " + number + ": " + e.getMessage(), e);
                }
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
