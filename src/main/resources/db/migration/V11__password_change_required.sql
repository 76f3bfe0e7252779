-- A password someone else chose (an administrator's reset, the generated first admin password) is
-- temporary: its owner must choose their own at their next login before using the pages.
ALTER TABLE users ADD COLUMN must_change_password BOOLEAN NOT NULL DEFAULT FALSE;
