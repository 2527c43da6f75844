package db.migration;

import vn.nangsuat.kit.events.EventTablesMigration;

/** Outbox and inbox tables, as service-kit defines them. */
public class V3__Event_tables extends EventTablesMigration {
}
