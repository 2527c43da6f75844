#!/bin/sh
# Creates the service users with the passwords given to the database container (see docker-compose.yml), as
# devstack creates them: one user per service, all privileges on its own schema only.
set -eu
mariadb -uroot -p"$MARIADB_ROOT_PASSWORD" <<SQL
CREATE USER IF NOT EXISTS 'province'@'%' IDENTIFIED BY '${PROVINCE_DB_PASSWORD}';
GRANT ALL PRIVILEGES ON province.* TO 'province'@'%';
CREATE USER IF NOT EXISTS 'indicator'@'%' IDENTIFIED BY '${INDICATOR_DB_PASSWORD}';
GRANT ALL PRIVILEGES ON indicator.* TO 'indicator'@'%';
CREATE USER IF NOT EXISTS 'plan'@'%' IDENTIFIED BY '${PLAN_DB_PASSWORD}';
GRANT ALL PRIVILEGES ON plan.* TO 'plan'@'%';
SQL
