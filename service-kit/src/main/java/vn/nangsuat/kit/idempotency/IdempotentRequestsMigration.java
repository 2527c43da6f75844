package vn.nangsuat.kit.idempotency;

import vn.nangsuat.kit.events.DdlMigration;

/**
 * The answers to creates sent with an `Idempotency-Key`, kept so a retry gets the first answer again. Created by a
 * one-line migration of each service (`class V17__Idempotent_requests extends IdempotentRequestsMigration {}`).
 * Frozen: a later change is a new class.
 */
public abstract class IdempotentRequestsMigration extends DdlMigration {

    static final String[] DDL = {
        """
        CREATE TABLE idempotent_request (
            principal    VARCHAR(100) NOT NULL,
            idem_key     VARCHAR(200) NOT NULL,
            fingerprint  CHAR(64)     NOT NULL,
            status       INT          NOT NULL,
            location     VARCHAR(500) NULL,
            etag         VARCHAR(200) NULL,
            body         MEDIUMTEXT   NULL,
            created_at   TIMESTAMP(6) NOT NULL,
            PRIMARY KEY (principal, idem_key),
            KEY ix_idempotent_request_created (created_at)
        ) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin
        """
    };

    @Override
    protected String[] statements() {
        return DDL;
    }
}
