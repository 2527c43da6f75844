package vn.nangsuat.indicator.imports;

/** The body of an import: CSV (UTF-8 with or without BOM, `,` or `;`, a header row) or a JSON array of rows. */
public enum ImportFormat {
    CSV, JSON
}
