package vn.nangsuat.indicator.imports;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import vn.nangsuat.http.Text;

/**
 * What an import's rows came to: the errors (the first ones listed, all counted), the rows that repeat a key, whether
 * the file could be read to its end, and the units the token may not write, with their first lines. A file it refuses
 * whole answers as {@link #rejectionStatus} says.
 */
final class ImportOutcome {

    private final int cap;
    final List<RowError> errors = new ArrayList<>();
    private long errorCount;
    long duplicated;
    boolean malformed;
    final TreeSet<String> forbidden = new TreeSet<>();
    final List<RowError> forbiddenLines = new ArrayList<>();
    long forbiddenCount;

    ImportOutcome(int cap) {
        this.cap = cap;
    }

    /** Counts an error and lists it while fewer than the cap are listed (null: count only). */
    void add(RowError error) {
        errorCount++;
        if (error != null && errors.size() < cap) {
            errors.add(error);
        }
    }

    boolean listsMore() {
        return errors.size() < cap;
    }

    long count() {
        return errorCount;
    }

    void forbidden(long line, String unit) {
        forbiddenCount++;
        forbidden.add(unit);
        if (forbiddenLines.size() < cap) {
            forbiddenLines.add(RowError.of(line, "unit", unit, "this token may not write the data of unit " + unit));
        }
    }

    /** Whether the file is refused before anything is staged: it cannot be read, or names a unit the token may not write. */
    boolean refusedWhole() {
        return malformed || !forbidden.isEmpty();
    }

    /** 403 when the only fault is a unit the token may not write; 400 otherwise. */
    int rejectionStatus() {
        return !forbidden.isEmpty() && !malformed ? 403 : 400;
    }

    Text rejectionDetail() {
        if (rejectionStatus() == 403) {
            String units = String.join(", ", forbidden);
            return new Text("This token may not write the data of unit " + units + ": the whole import is refused"
                    + " (role admin, or province-editor with the code in its provinces claim)", "Token này không được ghi"
                    + " dữ liệu của đơn vị " + units + ": cả lần nhập bị từ chối (cần vai trò admin, hoặc province-editor"
                    + " có mã này trong claim provinces)");
        }
        return malformed ? new Text("The file cannot be read to its end: nothing was imported",
                "Không đọc được tệp đến hết: chưa có gì được nhập")
                : new Text(count() + " rows are invalid: nothing was imported (onError=skip commits the valid ones)",
                        count() + " dòng không hợp lệ: chưa có gì được nhập (onError=skip ghi nhận các dòng hợp lệ)");
    }

    /** The rows a rejection lists, and how many it counts. */
    List<RowError> rejectionErrors() {
        return rejectionStatus() == 403 ? forbiddenLines : errors;
    }

    long rejectionCount() {
        return rejectionStatus() == 403 ? forbiddenCount : count();
    }
}
