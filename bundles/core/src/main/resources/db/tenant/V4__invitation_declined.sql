-- An invited person may decline: the invitation is then closed as DECLINED.
ALTER TABLE invitation DROP CONSTRAINT invitation_status_check;
ALTER TABLE invitation ADD CONSTRAINT invitation_status_check
    CHECK (status IN ('PENDING', 'ACCEPTED', 'REVOKED', 'DECLINED'));
