package vn.nangsuat.plan.domain;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import vn.nangsuat.kit.web.Preconditions;

/** A task (nhiệm vụ) of a plan: who leads it, with whom, when, with what budget, and how far along it is. */
@Entity
@Table(name = "plan_task")
public class Task {

    /** How many points behind the time elapsed a task may be before it counts as lagging. */
    public static final int LAG_TOLERANCE = 10;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "plan_id", nullable = false)
    public long planId;

    @Column(nullable = false, length = 500)
    public String title;

    @Column(name = "lead_agency", nullable = false, length = 200)
    public String leadAgency;

    @Convert(converter = Lines.class)
    @Column(name = "partner_agencies", nullable = false, length = 2000)
    public List<String> partnerAgencies;

    @Column(name = "start_date", nullable = false)
    public LocalDate startDate;

    @Column(name = "end_date", nullable = false)
    public LocalDate endDate;

    /** VND. */
    @Column(precision = 20)
    public BigDecimal budget;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 12)
    public TaskStatus status;

    @Column(name = "percent_done", nullable = false)
    public int percentDone;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    @Column(name = "row_version", nullable = false)
    public int rowVersion;

    public String etag() {
        return Preconditions.etag("task", id, rowVersion);
    }

    /** The share of its time that has passed on the day, 0 to 100: what % done it should be by then. */
    public int expectedPercent(LocalDate day) {
        if (day.isBefore(startDate)) {
            return 0;
        }
        if (!day.isBefore(endDate)) {
            return 100;
        }
        long total = ChronoUnit.DAYS.between(startDate, endDate);
        return (int) (100 * ChronoUnit.DAYS.between(startDate, day) / total);
    }

    /** Still open after its end date. */
    public boolean overdue(LocalDate day) {
        return status.open() && day.isAfter(endDate);
    }

    /** Open, not yet overdue, and more than {@link #LAG_TOLERANCE} points behind the time elapsed. */
    public boolean lagging(LocalDate day) {
        return status.open() && !overdue(day) && percentDone + LAG_TOLERANCE < expectedPercent(day);
    }

    /** Agencies one per line in their column (a name never holds a line break: the API refuses one). */
    public static class Lines implements AttributeConverter<List<String>, String> {

        @Override
        public String convertToDatabaseColumn(List<String> lines) {
            return lines == null ? "" : String.join("\n", lines);
        }

        @Override
        public List<String> convertToEntityAttribute(String column) {
            return column == null || column.isEmpty() ? List.of() : Arrays.asList(column.split("\n"));
        }
    }
}
