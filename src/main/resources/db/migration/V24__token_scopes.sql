-- Token scopes (issue 14): read, write or admin, within the owner's role. Tokens made before scopes existed
-- could do everything their owner could: they keep that ('admin'); new tokens name their scope.
ALTER TABLE api_tokens ADD COLUMN scope VARCHAR(5) DEFAULT 'admin' NOT NULL;
