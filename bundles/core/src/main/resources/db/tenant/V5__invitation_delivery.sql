-- How an invitation reached the person. Invitations are mailed after the request that made them
-- answers (plexica_core.invitation_mail is the queue): QUEUED until a node mailed it, then how it
-- went. Invitations made before are left without one.
ALTER TABLE invitation ADD COLUMN delivery varchar(24)
    CHECK (delivery IN ('QUEUED', 'JOIN_LINK_MAILED', 'ACCOUNT_SETUP_MAILED', 'NOT_MAILED', 'FAILED'));
