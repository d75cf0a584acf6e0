import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Button, Dialog, ErrorBox, TextArea } from "../shared/ui";

/**
 * A decision that says why (hiding a review, rejecting a submission): the other side reads the
 * reason, so the button stays off until there is one.
 */
export function ReasonDialog({
  title,
  label,
  hint,
  maxLength,
  confirm,
  send,
  onClose,
  onDone,
}: {
  title: string;
  label: string;
  hint: string;
  maxLength: number;
  confirm: string;
  send: (reason: string) => Promise<unknown>;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const [reason, setReason] = useState("");
  const action = useMutation({
    mutationFn: () => send(reason),
    onSuccess: () => {
      onDone();
      onClose();
    },
  });
  return (
    <Dialog open title={title} onClose={onClose}>
      <form
        className="space-y-4"
        onSubmit={(e) => {
          e.preventDefault();
          action.mutate();
        }}
      >
        <TextArea
          label={label}
          hint={hint}
          required
          maxLength={maxLength}
          rows={3}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
        />
        {action.error && <ErrorBox error={action.error} />}
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={onClose}>
            {t("common.cancel")}
          </Button>
          <Button type="submit" variant="danger" busy={action.isPending} disabled={!reason.trim()}>
            {confirm}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
