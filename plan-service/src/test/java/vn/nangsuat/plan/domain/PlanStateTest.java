package vn.nangsuat.plan.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import org.junit.jupiter.api.Test;

class PlanStateTest {

    @Test
    void aPlanIsSubmittedApprovedCarriedOutAndCompleted() {
        assertTrue(PlanState.DRAFT.canMoveTo(PlanState.SUBMITTED));
        assertTrue(PlanState.SUBMITTED.canMoveTo(PlanState.APPROVED));
        assertTrue(PlanState.APPROVED.canMoveTo(PlanState.IN_PROGRESS));
        assertTrue(PlanState.IN_PROGRESS.canMoveTo(PlanState.COMPLETED));
    }

    @Test
    void aReturnedPlanGoesBackToSubmittedOnly() {
        assertEquals(EnumSet.of(PlanState.APPROVED, PlanState.RETURNED, PlanState.WITHDRAWN), PlanState.SUBMITTED.next());
        assertEquals(EnumSet.of(PlanState.SUBMITTED, PlanState.WITHDRAWN), PlanState.RETURNED.next());
    }

    @Test
    void everyOpenStateMayBeWithdrawnAndTheFinalOnesGoNowhere() {
        for (PlanState state : EnumSet.of(PlanState.DRAFT, PlanState.SUBMITTED, PlanState.RETURNED, PlanState.APPROVED,
                PlanState.IN_PROGRESS)) {
            assertTrue(state.canMoveTo(PlanState.WITHDRAWN), state.name());
        }
        assertTrue(PlanState.COMPLETED.next().isEmpty());
        assertTrue(PlanState.WITHDRAWN.next().isEmpty());
    }

    @Test
    void noStepSkipsApproval() {
        assertFalse(PlanState.DRAFT.canMoveTo(PlanState.APPROVED));
        assertFalse(PlanState.SUBMITTED.canMoveTo(PlanState.IN_PROGRESS));
        assertFalse(PlanState.RETURNED.canMoveTo(PlanState.APPROVED));
        assertFalse(PlanState.DRAFT.canMoveTo(PlanState.DRAFT));
    }

    @Test
    void onlyApprovedPlansAndLaterCountAsApproved() {
        assertEquals(EnumSet.of(PlanState.APPROVED, PlanState.IN_PROGRESS, PlanState.COMPLETED),
                EnumSet.copyOf(java.util.Arrays.stream(PlanState.values()).filter(PlanState::approved).toList()));
    }
}
