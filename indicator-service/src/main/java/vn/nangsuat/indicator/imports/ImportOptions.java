package vn.nangsuat.indicator.imports;

import java.util.Optional;

/**
 * How an import applies its rows.
 *
 * @param replace in mode replace, the scope whose values absent from the file are deleted; empty for an upsert
 * @param skipInvalid commit the valid rows and report the others (onError=skip), rather than nothing at all
 * @param dryRun check everything and say what would change, changing nothing
 */
public record ImportOptions(ImportFormat format, Optional<ReplaceScope> replace, boolean skipInvalid, boolean dryRun) {

    public String mode() {
        return replace.isPresent() ? "REPLACE" : "UPSERT";
    }
}
