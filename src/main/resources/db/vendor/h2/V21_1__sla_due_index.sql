-- H2 has no partial index: the watcher's query uses the plain indexes of V5 (fine at evaluation sizes).
-- This file keeps the H2 and PostgreSQL migration histories at the same versions.
SELECT 1;
