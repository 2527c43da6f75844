package vn.nangsuat.kit.web;

import java.util.List;

/**
 * An answer that is also served as CSV (`Accept: text/csv`, or `?format=csv` for a download link): one line per row,
 * the columns being the row record's components in order, a header first. A list inside a row is one field, its
 * items separated by `;`. See {@link CsvWriter}.
 */
public interface CsvExport {

    /** The rows of the CSV: flat records (scalars, and lists of scalars). */
    List<?> csvRows();
}
