package vn.nangsuat.kit.events;

/**
 * What a parked event needs to be applied again after a fix: its record key and value, and its state. Created by a
 * one-line migration of each service (`class V16__Parked_events extends ParkedEventsMigration {}`). Frozen: a later
 * change is a new class. Rows from before were all events a handler refused (the only ones parked then), kept
 * without their value: they stay REFUSED and cannot be replayed.
 */
public abstract class ParkedEventsMigration extends DdlMigration {

    static final String[] DDL = {
        """
        ALTER TABLE dead_letter_event
            ADD COLUMN state       VARCHAR(10)  NOT NULL DEFAULT 'REFUSED',
            ADD COLUMN on_dlq      BOOLEAN      NOT NULL DEFAULT TRUE,
            ADD COLUMN record_key  VARCHAR(255) NULL,
            ADD COLUMN payload     MEDIUMTEXT   NULL,
            ADD COLUMN replayed_at TIMESTAMP(6) NULL,
            ADD KEY ix_dead_letter_key (consumer, topic, record_key, state)
        """
    };

    @Override
    protected String[] statements() {
        return DDL;
    }
}
