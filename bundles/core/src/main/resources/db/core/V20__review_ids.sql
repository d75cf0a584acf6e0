-- A review's own id (issue 21): the vendor replies to a review by it, while the review still names
-- no tenant to anyone but platform administrators (decision 0025). Kept when the review is edited.
ALTER TABLE plugin_review ADD COLUMN id uuid NOT NULL DEFAULT gen_random_uuid();
CREATE UNIQUE INDEX plugin_review_id_idx ON plugin_review (id);
