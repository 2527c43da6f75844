package db.migration;

import vn.nangsuat.provincereplica.ProvinceReplicaMigration;

/** The replica of the provincial units, as province-replica defines it. */
public class V3__Province_replica extends ProvinceReplicaMigration {
}
