-- What a tenant may hold at most (users, workspaces, stored bytes, installed plugins), set by the
-- platform's administrators; a missing name means no limit.
ALTER TABLE tenant ADD COLUMN quotas jsonb NOT NULL DEFAULT '{}'::jsonb;
