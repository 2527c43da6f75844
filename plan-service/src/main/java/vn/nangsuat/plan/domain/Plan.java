package vn.nangsuat.plan.domain;

import jakarta.persistence.Column;
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
import vn.nangsuat.kit.web.Preconditions;

/** A province's productivity plan: whose, for which years, under which programme, approved by which decision. */
@Entity
@Table(name = "plan")
public class Plan {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "unit_code", nullable = false, length = 2)
    public String unitCode;

    /** The unit version the plan belongs to: the one in force in its first year, whatever merged later. */
    @Column(name = "unit_valid_from", nullable = false)
    public LocalDate unitValidFrom;

    @Column(nullable = false, length = 300)
    public String title;

    @Column(name = "start_year", nullable = false)
    public int startYear;

    @Column(name = "end_year", nullable = false)
    public int endYear;

    @Enumerated(EnumType.STRING)
    @Column(name = "legal_basis", nullable = false, length = 24)
    public LegalBasis legalBasis;

    @Column(name = "approval_number", length = 60)
    public String approvalNumber;

    @Column(name = "approval_date")
    public LocalDate approvalDate;

    @Column(name = "approving_authority", length = 200)
    public String approvingAuthority;

    @Column(name = "lead_department", length = 200)
    public String leadDepartment;

    /** VND from the state budget. */
    @Column(name = "state_budget", precision = 20)
    public BigDecimal stateBudget;

    /** VND from other sources. */
    @Column(name = "other_budget", precision = 20)
    public BigDecimal otherBudget;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 12)
    public PlanState state;

    @Column(name = "created_by", nullable = false, length = 100)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    @Column(name = "row_version", nullable = false)
    public int rowVersion;

    public String etag() {
        return Preconditions.etag("plan", id, rowVersion);
    }
}
