-- Invitations waiting to be mailed, of every tenant: written by the transaction that makes or
-- resends the invitation, taken by any node's mailer (claimed for a few minutes, so a node that
-- dies mid-way leaves it to another), removed once mailed or given up. No secret is kept here: the
-- mailer makes the invitation's link when it sends it. A resend replaces the row's ticket, so an
-- older attempt still under way cannot remove or fail the newer one.
CREATE TABLE invitation_mail (
    invitation_id   uuid         PRIMARY KEY,
    tenant_id       uuid         NOT NULL,
    workspace_id    uuid         NOT NULL,
    invited_by      varchar(255) NOT NULL,
    ticket          uuid         NOT NULL,
    attempts        integer      NOT NULL DEFAULT 0,
    next_attempt_at timestamptz  NOT NULL,
    last_error      text,
    queued_at       timestamptz  NOT NULL
);
CREATE INDEX invitation_mail_due_idx ON invitation_mail (next_attempt_at);
