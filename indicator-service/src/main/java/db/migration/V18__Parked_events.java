package db.migration;

import vn.nangsuat.kit.events.ParkedEventsMigration;

/** Parked events keep their key and value, so they can be applied again after a fix (service-kit's DDL). */
public class V18__Parked_events extends ParkedEventsMigration {
}
