package vn.nangsuat.kit.events;

/**
 * The inbox keyed by consumer as well, so two consumers of one topic in one service keep apart; and the
 * record of events parked on a DLQ. Created by a one-line migration of each service
 * (`class V4__Inbox_by_consumer extends InboxByConsumerMigration {}`). Frozen: a later change is a new class.
 * Rows from before belong to no consumer (''), so consumers that start with new groups apply them again, which
 * replicas that keep the highest revision absorb.
 */
public abstract class InboxByConsumerMigration extends DdlMigration {

    static final String[] DDL = {
        "ALTER TABLE inbox_event ADD COLUMN consumer VARCHAR(100) NOT NULL DEFAULT '' FIRST",
        "ALTER TABLE inbox_event DROP PRIMARY KEY, ADD PRIMARY KEY (consumer, source, event_id)",
        """
        CREATE TABLE dead_letter_event (
            consumer     VARCHAR(100)  NOT NULL,
            topic        VARCHAR(100)  NOT NULL,
            partition_no INT           NOT NULL,
            offset_no    BIGINT        NOT NULL,
            event_id     VARCHAR(100)  NULL,
            reason       VARCHAR(1000) NOT NULL,
            parked_at    TIMESTAMP(6)  NOT NULL,
            PRIMARY KEY (consumer, topic, partition_no, offset_no)
        ) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_520_ci
        """
    };

    @Override
    protected String[] statements() {
        return DDL;
    }
}
