package vn.nangsuat.plan.domain;

import static vn.nangsuat.plan.domain.Corrections.given;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import vn.nangsuat.http.FieldText;
import vn.nangsuat.http.ProblemType;
import vn.nangsuat.http.Text;
import vn.nangsuat.kit.problem.ProblemException;
import vn.nangsuat.kit.security.ProvinceScope;
import vn.nangsuat.kit.web.Preconditions;
import vn.nangsuat.plan.events.PlanEvents;
import vn.nangsuat.provincereplica.ProvinceReplica;
import vn.nangsuat.provincereplica.ReplicaUnit;

/**
 * The writes of plans: each is one transaction that changes the plan, records the step in its audit trail when its
 * state moves, and publishes the change through the outbox; or does nothing.
 */
@ApplicationScoped
@Transactional
public class PlanRegistry {

    /** What a new plan says; the state is DRAFT. */
    public record Draft(String unitCode, String title, int startYear, int endYear, LegalBasis legalBasis,
            String approvalNumber, LocalDate approvalDate, String approvingAuthority, String leadDepartment,
            BigDecimal stateBudget, BigDecimal otherBudget) {
    }

    /** The corrections of a plan's details; a null field keeps its value. The unit and the state change otherwise. */
    public record Correction(String title, Integer startYear, Integer endYear, LegalBasis legalBasis,
            String approvalNumber, LocalDate approvalDate, String approvingAuthority, String leadDepartment,
            BigDecimal stateBudget, BigDecimal otherBudget) {
    }

    private final PlanRepository plans;
    private final ProvinceReplica units;
    private final ProvinceScope scope;
    private final PlanEvents events;

    public PlanRegistry(PlanRepository plans, ProvinceReplica units, ProvinceScope scope, PlanEvents events) {
        this.plans = plans;
        this.units = units;
        this.scope = scope;
        this.events = events;
    }

    public Plan draft(Draft draft, String actor) {
        scope.requireWrite(draft.unitCode());
        requireYears(draft.startYear(), draft.endYear());
        Plan plan = new Plan();
        plan.unitCode = draft.unitCode();
        plan.unitValidFrom = versionAtStart(draft.unitCode(), draft.startYear()).validFrom();
        plan.title = draft.title().strip();
        plan.startYear = draft.startYear();
        plan.endYear = draft.endYear();
        plan.legalBasis = draft.legalBasis();
        plan.approvalNumber = draft.approvalNumber();
        plan.approvalDate = draft.approvalDate();
        plan.approvingAuthority = draft.approvingAuthority();
        plan.leadDepartment = draft.leadDepartment();
        plan.stateBudget = draft.stateBudget();
        plan.otherBudget = draft.otherBudget();
        plan.state = PlanState.DRAFT;
        plan.createdBy = actor;
        plan.createdAt = now();
        plan.updatedAt = plan.createdAt;
        plans.persistAndFlush(plan);
        PlanTransition created = PlanTransition.of(plan, 1, null, actor, plan.createdAt, "drafted");
        plans.getEntityManager().persist(created);
        events.created(plan);
        return plan;
    }

    public Plan correct(long id, Correction correction, String ifMatch) {
        Plan plan = lockedForWrite(id, ifMatch);
        if (plan.state.next().isEmpty()) {
            throw ProblemException.conflict(new Text("Plan " + id + " is " + plan.state + ": its details are final",
                    "Kế hoạch " + id + " ở trạng thái " + plan.state + ": thông tin của kế hoạch đã được chốt"));
        }
        int startYear = given(correction.startYear(), plan.startYear);
        int endYear = given(correction.endYear(), plan.endYear);
        requireYears(startYear, endYear);
        if (startYear != plan.startYear) {
            LocalDate version = versionAtStart(plan.unitCode, startYear).validFrom();
            if (!version.equals(plan.unitValidFrom)) {
                throw ProblemException.invalid("startYear", new Text("in " + startYear + " code " + plan.unitCode
                        + " names another unit than the one this plan belongs to: draft a new plan instead",
                        "vào năm " + startYear + " mã " + plan.unitCode
                        + " là mã của một đơn vị khác với đơn vị của kế hoạch này: hãy lập một kế hoạch mới"));
            }
        }
        plan.title = correction.title() == null ? plan.title : correction.title().strip();
        plan.startYear = startYear;
        plan.endYear = endYear;
        plan.legalBasis = given(correction.legalBasis(), plan.legalBasis);
        plan.approvalNumber = given(correction.approvalNumber(), plan.approvalNumber);
        plan.approvalDate = given(correction.approvalDate(), plan.approvalDate);
        plan.approvingAuthority = given(correction.approvingAuthority(), plan.approvingAuthority);
        plan.leadDepartment = given(correction.leadDepartment(), plan.leadDepartment);
        plan.stateBudget = given(correction.stateBudget(), plan.stateBudget);
        plan.otherBudget = given(correction.otherBudget(), plan.otherBudget);
        plan.updatedAt = now();
        plans.flush();
        events.changed(plan);
        return plan;
    }

    /** Moves the plan to another state; a 409 naming the allowed ones when the move is not one of them. */
    public Plan move(long id, PlanState to, String comment, String ifMatch, String actor) {
        Plan plan = lockedForWrite(id, ifMatch);
        PlanState from = plan.state;
        if (!from.canMoveTo(to)) {
            String states = from.next().stream().map(Enum::name).collect(Collectors.joining(", "));
            Text allowed = from.next().isEmpty()
                    ? new Text("none: " + from + " is final", "không có: " + from + " là trạng thái cuối cùng")
                    : new Text(states, states);
            throw new ProblemException(ProblemType.TRANSITION_NOT_ALLOWED,
                    new Text("Plan " + id + " is " + from + " and cannot become " + to + "; allowed: " + allowed.english(),
                            "Kế hoạch " + id + " ở trạng thái " + from + " và không thể chuyển sang " + to
                            + "; được phép: " + allowed.vietnamese()),
                    List.of(new FieldText("to", new Text("must be one of: " + allowed.english(),
                            "phải là một trong: " + allowed.vietnamese()))));
        }
        if (to == PlanState.APPROVED) {
            requireApprovingDecision(plan);
        }
        plan.state = to;
        plan.updatedAt = now();
        plans.flush();
        PlanTransition step = PlanTransition.of(plan, plans.lastSeq(id) + 1, from, actor, plan.updatedAt, comment);
        plans.getEntityManager().persist(step);
        events.moved(plan, step);
        return plan;
    }

    private Plan lockedForWrite(long id, String ifMatch) {
        Plan plan = plans.findForUpdate(id).orElseThrow(() -> Plans.noSuchPlan(id));
        scope.requireWrite(plan.unitCode);
        Preconditions.requireMatch(ifMatch, plan.etag());
        return plan;
    }

    /** An approved plan names the decision that approved it (number and date), as provinces publish them. */
    private static void requireApprovingDecision(Plan plan) {
        List<FieldText> missing = new ArrayList<>();
        if (plan.approvalNumber == null) {
            missing.add(new FieldText("approvalNumber", new Text("is required before approval, e.g. 556/QĐ-UBND",
                    "là bắt buộc trước khi phê duyệt, ví dụ 556/QĐ-UBND")));
        }
        if (plan.approvalDate == null) {
            missing.add(new FieldText("approvalDate", new Text("is required before approval",
                    "là bắt buộc trước khi phê duyệt")));
        }
        if (!missing.isEmpty()) {
            throw new ProblemException(ProblemType.CONFLICT, new Text(
                    "Plan " + plan.id + " cannot be approved before the approving decision's number and date are set",
                    "Kế hoạch " + plan.id + " chưa thể được phê duyệt khi chưa có số và ngày của quyết định phê duyệt"),
                    missing);
        }
    }

    private static void requireYears(int startYear, int endYear) {
        if (endYear < startYear) {
            throw ProblemException.invalid("endYear", new Text("must not be before startYear (" + startYear + ")",
                    "không được trước startYear (" + startYear + ")"));
        }
    }

    /**
     * The version of the unit a plan starting in that year belongs to: the latest in force during the year (the new
     * Thái Nguyên, 19, for a plan of 19 from 2025), or a 400 naming `unitCode` that says when the unit ceased, into what.
     */
    private ReplicaUnit versionAtStart(String code, int startYear) {
        List<ReplicaUnit> versions = units.versionsDuring(code, LocalDate.of(startYear, 1, 1), LocalDate.of(startYear, 12, 31));
        if (!versions.isEmpty()) {
            return versions.get(versions.size() - 1);
        }
        List<ReplicaUnit> history = units.history(code);
        ProvinceReplica.Absence absence = units.absence(code, history, LocalDate.of(startYear, 12, 31));
        Text reason = absence.reason();
        throw ProblemException.invalid("unitCode", switch (absence.kind()) {
            case NEVER -> reason;
            case NOT_YET -> new Text(reason.english() + ", after a plan starting in " + startYear,
                    reason.vietnamese() + ", sau khi kế hoạch bắt đầu vào năm " + startYear);
            case NO_LONGER -> new Text(reason.english() + ": it is not in force in " + startYear,
                    reason.vietnamese() + ": đơn vị này không có hiệu lực vào năm " + startYear);
        });
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
