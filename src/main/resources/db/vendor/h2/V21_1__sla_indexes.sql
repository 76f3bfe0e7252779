-- H2 has no partial index: the watcher and the rebuild use the plain indexes of V3 and V5 (fine at evaluation sizes).
-- This file keeps the H2 and PostgreSQL migration histories at the same versions.
SELECT 1;
