package vn.nangsuat.plan.domain;

import static vn.nangsuat.plan.domain.Corrections.given;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.math.RoundingMode;
import vn.nangsuat.http.Text;
import vn.nangsuat.kit.problem.ProblemException;
import vn.nangsuat.kit.web.Preconditions;
import vn.nangsuat.plan.events.NationalGoalEvents;

/**
 * An admin's corrections of the national goals: the figures come from press summaries of the decision until checked
 * against the legal text, so they are data to correct, not code. Each correction is one transaction with its event
 * (`national-goal.changed`), after which every instance reloads its snapshot of the goals.
 */
@ApplicationScoped
@Transactional
public class NationalGoalRegistry {

    /** The corrections of a goal; a null field keeps its value. */
    public record Correction(Comparator comparator, BigDecimal low, BigDecimal high, String unit, String description,
            String source, Boolean verified, GoalMeasure measure, Integer baselineYear, String numeratorCode,
            String denominatorCode) {
    }

    private final NationalGoalRepository goals;
    private final NationalProgress progress;
    private final NationalGoalEvents events;

    public NationalGoalRegistry(NationalGoalRepository goals, NationalProgress progress, NationalGoalEvents events) {
        this.goals = goals;
        this.progress = progress;
        this.events = events;
    }

    public NationalGoal correct(String code, int year, Correction correction, String ifMatch) {
        NationalGoal goal = goals.findForUpdate(code, year)
                .orElseThrow(() -> ProblemException.notFound(
                        new Text("No national goal " + code + " for " + year,
                                "Không có mục tiêu quốc gia " + code + " cho năm " + year)));
        Preconditions.requireMatch(ifMatch, NationalGoals.tag(goal, progress.current(goal)));  // as last read
        goal.comparator = given(correction.comparator(), goal.comparator);
        goal.low = given(stored(correction.low()), goal.low);
        goal.high = goal.comparator == Comparator.BETWEEN ? given(stored(correction.high()), goal.high)
                : stored(correction.high());
        goal.unit = given(correction.unit(), goal.unit);
        goal.description = given(correction.description(), goal.description);
        goal.source = given(correction.source(), goal.source);
        goal.verified = given(correction.verified(), goal.verified);
        goal.measure = given(correction.measure(), goal.measure);
        goal.baselineYear = given(correction.baselineYear(), goal.baselineYear);
        goal.numeratorCode = given(correction.numeratorCode(), goal.numeratorCode);
        goal.denominatorCode = given(correction.denominatorCode(), goal.denominatorCode);
        requireConsistent(goal);
        goals.flush();
        events.changed(goal);
        return goal;
    }

    private static void requireConsistent(NationalGoal goal) {
        if (goal.comparator == Comparator.BETWEEN && (goal.high == null || goal.high.compareTo(goal.low) < 0)) {
            String low = goal.low.toPlainString();
            throw ProblemException.invalid("high", new Text("a BETWEEN goal needs high, at least low (" + low + ")",
                    "mục tiêu BETWEEN cần high, ít nhất bằng low (" + low + ")"));
        }
        if (goal.comparator != Comparator.BETWEEN && goal.high != null) {
            throw ProblemException.invalid("high", new Text("only a BETWEEN goal has one",
                    "chỉ mục tiêu BETWEEN mới có giá trị này"));
        }
        int year = goal.key.year();
        if (goal.baselineYear >= year) {
            throw ProblemException.invalid("baselineYear", new Text("must be before the goal's year, " + year,
                    "phải trước năm của mục tiêu, " + year));
        }
        boolean needsNumerator = goal.measure == GoalMeasure.RATIO_GROWTH || goal.measure == GoalMeasure.COUNT;
        if (needsNumerator && goal.numeratorCode == null) {
            throw ProblemException.invalid("numeratorCode", new Text("is required for a " + goal.measure + " goal",
                    "là bắt buộc với mục tiêu " + goal.measure));
        }
        if (goal.measure == GoalMeasure.RATIO_GROWTH && goal.denominatorCode == null) {
            throw ProblemException.invalid("denominatorCode", new Text("is required for a RATIO_GROWTH goal",
                    "là bắt buộc với mục tiêu RATIO_GROWTH"));
        }
    }

    /** As the column keeps it (three decimals), so the answer to the write reads as every later read. */
    private static BigDecimal stored(BigDecimal figure) {
        return figure == null ? null : figure.setScale(3, RoundingMode.HALF_UP);
    }

}
