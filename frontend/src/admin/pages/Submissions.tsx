import { keepPreviousData, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import {
  Badge,
  Button,
  Card,
  ConfirmDialog,
  Empty,
  Loaded,
  PageHeader,
  Pager,
  SelectInput,
  Table,
  formatDate,
  formatNumber,
  useConfirmation,
  usePaging,
} from "../../shared/ui";
import { useApi } from "../context";
import { ReasonDialog } from "../ReasonDialog";
import { registryKeys, submissionKeys } from "../queries";
import type * as Schemas from "../../shared/api-types.gen";

type Submission = Schemas.PluginSubmission;

const SIZE = 20;

/** What a plugin asks of a tenant, from its plugin.json: the permissions it declares. */
function permissionsOf(submission: Submission): { name: string; description?: string }[] {
  const declared = (submission.manifest as { permissions?: unknown }).permissions;
  return Array.isArray(declared) ? (declared as { name: string; description?: string }[]) : [];
}

/**
 * The review queue: vendors' signed versions that passed the automated checks, oldest first. The
 * reviewer reads what each asks for and approves it (deployed, then installable) or rejects it with
 * a reason the vendor reads.
 */
export function Submissions() {
  const api = useApi();
  const { t } = useTranslation();
  const queries = useQueryClient();
  const [status, setStatus] = useState("PENDING");
  const { page, setPage, filter } = usePaging();
  const [rejecting, setRejecting] = useState<Submission | null>(null);
  const found = useQuery({
    queryKey: [...submissionKeys.all, status, page] as const,
    queryFn: () =>
      api<Schemas.PluginSubmissionPage>("/admin/plugin-submissions", {
        query: { status: status || undefined, page, size: SIZE },
      }),
    placeholderData: keepPreviousData,
  });
  const refresh = () => {
    void queries.invalidateQueries({ queryKey: submissionKeys.all });
    void queries.invalidateQueries({ queryKey: registryKeys.all });
  };
  const approve = useConfirmation(
    (s: Submission) => api<Submission>(`/admin/plugin-submissions/${s.id}/approve`, { method: "POST" }),
    refresh,
  );
  return (
    <>
      <PageHeader title={t("console.submissions")}>{t("submissions.subtitle")}</PageHeader>
      <div className="mb-4 grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <SelectInput
          label={t("common.status.label")}
          value={status}
          onChange={filter(setStatus)}
          options={[
            { value: "PENDING", label: t("submissions.status.PENDING") },
            { value: "APPROVED", label: t("submissions.status.APPROVED") },
            { value: "REJECTED", label: t("submissions.status.REJECTED") },
            { value: "WITHDRAWN", label: t("submissions.status.WITHDRAWN") },
            { value: "", label: t("common.any") },
          ]}
        />
      </div>
      <Card>
        <Loaded
          query={found}
          loading={t("submissions.loading")}
          empty={<Empty title={t("submissions.none")}>{t("submissions.noneText")}</Empty>}
        >
          {(results) => (
            <>
              <Table
                caption={t("console.submissions")}
                head={[
                  t("submissions.plugin"),
                  t("submissions.vendor"),
                  t("submissions.asks"),
                  t("submissions.submitted"),
                  t("common.status.label"),
                  "",
                ]}
              >
                {results.items.map((s) => (
                  <tr key={s.id} data-testid={`submission-${s.pluginId}-${s.version}`}>
                    <td className="px-3 py-2">
                      <span className="font-medium">{s.name}</span> {s.version}
                      <div className="font-mono text-xs text-slate-600">
                        {s.pluginId} · {t("submissions.size", { kib: formatNumber(Math.ceil(s.sizeBytes / 1024)) })}
                      </div>
                      <div className="font-mono text-xs text-slate-500" title={s.signer}>
                        {t("submissions.signedBy", { key: s.signer.slice(0, 16) })}
                      </div>
                    </td>
                    <td className="px-3 py-2">{s.vendorId}</td>
                    <td className="px-3 py-2 text-xs">
                      {permissionsOf(s).length === 0 ? (
                        t("submissions.noPermissions")
                      ) : (
                        <ul className="list-disc pl-4">
                          {permissionsOf(s).map((p) => (
                            <li key={p.name}>
                              <span className="font-mono">{p.name}</span>
                              {p.description ? ` — ${p.description}` : ""}
                            </li>
                          ))}
                        </ul>
                      )}
                    </td>
                    <td className="px-3 py-2">{formatDate(s.submittedAt)}</td>
                    <td className="px-3 py-2">
                      <Badge>{t(`submissions.status.${s.status}`)}</Badge>
                      {s.reason && <p className="mt-1 max-w-xs whitespace-pre-line text-xs">{s.reason}</p>}
                    </td>
                    <td className="px-3 py-2 text-right">
                      {s.status === "PENDING" && (
                        <div className="flex justify-end gap-2">
                          <Button onClick={() => approve.ask(s)}>{t("submissions.approve")}</Button>
                          <Button variant="secondary" onClick={() => setRejecting(s)}>
                            {t("submissions.reject")}
                          </Button>
                        </div>
                      )}
                    </td>
                  </tr>
                ))}
              </Table>
              <Pager page={page} size={SIZE} total={results.total} onPage={setPage} />
            </>
          )}
        </Loaded>
      </Card>
      <ConfirmDialog
        {...approve.dialog}
        title={t("submissions.approveTitle", { name: approve.target?.name, version: approve.target?.version })}
        message={t("submissions.approveText", { vendor: approve.target?.vendorId })}
        confirm={t("submissions.approve")}
      />
      {rejecting && (
        // The vendor reads the reason, by mail and in its account.
        <ReasonDialog
          key={rejecting.id}
          title={t("submissions.rejectTitle", { name: rejecting.name, version: rejecting.version })}
          label={t("submissions.reason")}
          hint={t("submissions.reasonHint")}
          maxLength={2000}
          confirm={t("submissions.reject")}
          send={(reason) =>
            api(`/admin/plugin-submissions/${rejecting.id}/reject`, { method: "POST", body: { reason } })
          }
          onClose={() => setRejecting(null)}
          onDone={refresh}
        />
      )}
    </>
  );
}
