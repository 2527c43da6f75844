package vn.nangsuat.kit.events;

/**
 * The tables of the event backbone, written once here and created in each service's schema by a one-line
 * Flyway migration of the service (`class V3__Event_tables extends EventTablesMigration {}` in `db.migration`),
 * frozen as written (later changes are new migrations, such as {@link InboxByConsumerMigration}),
 * so the DDL is the same everywhere and numbered in the service's own migration history.
 */
public abstract class EventTablesMigration extends DdlMigration {

    static final String[] DDL = {
        // One row per event, written in the transaction of the change; the relay sends in `seq` order.
        """
        CREATE TABLE outbox_event (
            seq            BIGINT       NOT NULL AUTO_INCREMENT,
            id             CHAR(36)     NOT NULL,
            topic          VARCHAR(100) NOT NULL,
            aggregate_type VARCHAR(60)  NOT NULL,
            aggregate_id   VARCHAR(100) NOT NULL,
            event_type     VARCHAR(150) NOT NULL,
            payload        MEDIUMTEXT   NOT NULL,
            created_at     TIMESTAMP(6) NOT NULL,
            sent_at        TIMESTAMP(6) NULL,
            PRIMARY KEY (seq),
            UNIQUE KEY uk_outbox_event_id (id),
            KEY ix_outbox_event_unsent (sent_at, seq)
        ) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_520_ci
        """,
        // The one row a relay locks while it sends, so two instances never relay at once.
        "CREATE TABLE outbox_relay_lease (id TINYINT NOT NULL, PRIMARY KEY (id)) ENGINE = InnoDB",
        "INSERT INTO outbox_relay_lease (id) VALUES (1)",
        // The events a consumer has applied, keyed by CloudEvents source and id: a redelivery inserts nothing.
        """
        CREATE TABLE inbox_event (
            source      VARCHAR(100) NOT NULL,
            event_id    VARCHAR(100) NOT NULL,
            topic       VARCHAR(100) NOT NULL,
            event_type  VARCHAR(150) NOT NULL,
            received_at TIMESTAMP(6) NOT NULL,
            PRIMARY KEY (source, event_id)
        ) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_520_ci
        """
    };

    @Override
    protected String[] statements() {
        return DDL;
    }
}
