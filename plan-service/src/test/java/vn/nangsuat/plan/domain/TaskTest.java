package vn.nangsuat.plan.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class TaskTest {

    private static Task task(String start, String end, TaskStatus status, int percentDone) {
        Task task = new Task();
        task.startDate = LocalDate.parse(start);
        task.endDate = LocalDate.parse(end);
        task.status = status;
        task.percentDone = percentDone;
        return task;
    }

    @Test
    void theExpectedShareIsTheShareOfItsTimeThatHasPassed() {
        Task task = task("2026-01-01", "2026-12-31", TaskStatus.IN_PROGRESS, 0);
        assertEquals(0, task.expectedPercent(LocalDate.parse("2025-12-31")));
        assertEquals(0, task.expectedPercent(LocalDate.parse("2026-01-01")));
        assertEquals(49, task.expectedPercent(LocalDate.parse("2026-07-01")));  // 181 of 364 days
        assertEquals(100, task.expectedPercent(LocalDate.parse("2026-12-31")));
        assertEquals(100, task.expectedPercent(LocalDate.parse("2027-03-01")));
    }

    @Test
    void aTaskLagsWhenMoreThanTenPointsBehindAndIsOverdueWhenOpenAfterItsEnd() {
        LocalDate midYear = LocalDate.parse("2026-07-01");
        assertFalse(task("2026-01-01", "2026-12-31", TaskStatus.IN_PROGRESS, 39).lagging(midYear));  // 39 + 10 = 49
        assertTrue(task("2026-01-01", "2026-12-31", TaskStatus.IN_PROGRESS, 38).lagging(midYear));
        assertTrue(task("2026-01-01", "2026-06-30", TaskStatus.NOT_STARTED, 0).overdue(midYear));
        assertFalse(task("2026-01-01", "2026-06-30", TaskStatus.NOT_STARTED, 0).lagging(midYear), "overdue, not lagging");
        assertFalse(task("2026-01-01", "2026-06-30", TaskStatus.CANCELLED, 0).overdue(midYear));
        assertFalse(task("2026-01-01", "2026-12-31", TaskStatus.DONE, 100).lagging(midYear));
    }

    @Test
    void aOneDayTaskNeverDividesByZero() {
        Task task = task("2026-05-01", "2026-05-01", TaskStatus.IN_PROGRESS, 0);
        assertEquals(100, task.expectedPercent(LocalDate.parse("2026-05-01")));
    }
}
