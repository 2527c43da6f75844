package vn.nangsuat.provincereplica;

import vn.nangsuat.kit.events.DdlMigration;

/**
 * The replica's tables, created in a consuming service's schema by a one-line migration of that service
 * (`class V3__Province_replica extends ProvinceReplicaMigration {}` in `db.migration`). Frozen as written, like
 * every {@link DdlMigration}: a later change of these tables is a new class and a new migration of each service.
 */
public abstract class ProvinceReplicaMigration extends DdlMigration {

    static final String[] DDL = {
        """
        CREATE TABLE province_replica_unit (
            code           CHAR(2)      NOT NULL,
            valid_from     DATE         NOT NULL,
            valid_to       DATE         NULL,
            name           VARCHAR(100) NOT NULL,
            kind           VARCHAR(16)  NOT NULL,
            region         VARCHAR(40)  NULL,
            region_derived BOOLEAN      NOT NULL,
            revision       INT          NOT NULL,
            last_event_id  VARCHAR(100) NOT NULL,
            events_applied INT          NOT NULL,
            updated_at     TIMESTAMP(6) NOT NULL,
            PRIMARY KEY (code, valid_from)
        ) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_520_ci
        """,
        """
        CREATE TABLE province_replica_lineage (
            predecessor_code       CHAR(2)     NOT NULL,
            predecessor_valid_from DATE        NOT NULL,
            successor_code         CHAR(2)     NOT NULL,
            successor_valid_from   DATE        NOT NULL,
            effective_date         DATE        NOT NULL,
            change_kind            VARCHAR(16) NOT NULL,
            PRIMARY KEY (predecessor_code, predecessor_valid_from, successor_code, successor_valid_from)
        ) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_520_ci
        """
    };

    @Override
    protected String[] statements() {
        return DDL;
    }
}
