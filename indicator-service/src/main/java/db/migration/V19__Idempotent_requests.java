package db.migration;

import vn.nangsuat.kit.idempotency.IdempotentRequestsMigration;

/** The answers to creates sent with an Idempotency-Key, for their retries (service-kit's DDL). */
public class V19__Idempotent_requests extends IdempotentRequestsMigration {
}
