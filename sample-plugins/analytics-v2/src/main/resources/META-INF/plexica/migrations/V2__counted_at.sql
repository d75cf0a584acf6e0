-- 2.0.0 remembers when each count last changed.
ALTER TABLE ${counts} ADD COLUMN counted_at timestamptz NOT NULL DEFAULT now();
