package vn.nangsuat.plan.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;

/** One step of a plan's life: from which state to which, who moved it, when and why. Never changed once written. */
@Entity
@Table(name = "plan_transition")
public class PlanTransition {

    @Embeddable
    public record Id(@Column(name = "plan_id") long planId, int seq) implements Serializable {
    }

    @EmbeddedId
    public Id id;

    /** Null for the step that created the plan. */
    @Enumerated(EnumType.STRING)
    @Column(name = "from_state", length = 12)
    public PlanState from;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_state", nullable = false, length = 12)
    public PlanState to;

    @Column(nullable = false, length = 100)
    public String actor;

    @Column(nullable = false)
    public Instant at;

    @Column(length = 2000)
    public String comment;

    static PlanTransition of(Plan plan, int seq, PlanState from, String actor, Instant at, String comment) {
        PlanTransition step = new PlanTransition();
        step.id = new Id(plan.id, seq);
        step.from = from;
        step.to = plan.state;
        step.actor = actor;
        step.at = at;
        step.comment = comment;
        return step;
    }
}
