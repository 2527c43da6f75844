package vn.nangsuat.indicator.domain;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import vn.nangsuat.http.Text;
import vn.nangsuat.kit.problem.ProblemException;
import vn.nangsuat.provincereplica.ProvinceReplica;
import vn.nangsuat.provincereplica.ReplicaUnit;
import vn.nangsuat.rules.Period;

/**
 * The rule that a value's unit must be in force on the last day of its period, since a period belongs to the units in
 * force on its last day (statistics-rules): Bắc Kạn's GRDP for 2025 is refused, as 2025 belongs to the new Thái
 * Nguyên, which every read counts; accepting it would leave a value no read counts, or one counted twice. By this
 * service's replica of
 * province-service's units. Each unit's versions are read once per instance: a single write makes one, an import
 * one for all its rows.
 */
public class UnitsInForce {

    private final ProvinceReplica replica;
    private final Map<String, List<ReplicaUnit>> versions = new HashMap<>();

    public UnitsInForce(ProvinceReplica replica) {
        this.replica = replica;
    }

    /** A 400 naming `unit` unless the unit was in force on the period's last day; it says when a unit ceased, into what. */
    public void require(String unit, Period period) {
        List<ReplicaUnit> history = versions.computeIfAbsent(unit, replica::history);
        LocalDate lastDay = period.lastDay();
        boolean inForce = history.stream().anyMatch(version -> !version.validFrom().isAfter(lastDay)
                && (version.validTo() == null || !version.validTo().isBefore(lastDay)));
        if (inForce) {
            return;
        }
        ProvinceReplica.Absence absence = replica.absence(unit, history, period.lastDay());
        String successors = String.join(", ", absence.successors());
        String reason = absence.reason().english();
        String reasonVi = absence.reason().vietnamese();
        throw ProblemException.invalid("unit", switch (absence.kind()) {
            case NEVER -> absence.reason();
            case NOT_YET -> new Text(reason + ", after " + period, reasonVi + ", sau kỳ " + period);
            case NO_LONGER -> new Text(reason + ", before the last day of " + period + " (" + lastDay + "): a period"
                    + " belongs to the units in force on its last day" + (successors.isEmpty() ? ""
                            : ", so a value for " + period + " belongs to " + successors),
                    reasonVi + ", trước ngày cuối của kỳ " + period + " (" + lastDay + "): một kỳ thuộc về các đơn vị"
                    + " đang có hiệu lực vào ngày cuối của kỳ đó" + (successors.isEmpty() ? ""
                            : ", nên giá trị cho kỳ " + period + " thuộc về " + successors));
        });
    }
}
