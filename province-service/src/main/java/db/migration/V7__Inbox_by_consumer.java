package db.migration;

import vn.nangsuat.kit.events.InboxByConsumerMigration;

/** The inbox keyed by consumer, and the record of what was parked on a DLQ, as service-kit defines them. */
public class V7__Inbox_by_consumer extends InboxByConsumerMigration {
}
