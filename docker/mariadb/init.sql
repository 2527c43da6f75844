-- One schema and one user per service, as devstack creates them. Passwords come from the compose file.
CREATE DATABASE IF NOT EXISTS province CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_520_ci;
CREATE DATABASE IF NOT EXISTS indicator CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_520_ci;
CREATE DATABASE IF NOT EXISTS plan CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_520_ci;
