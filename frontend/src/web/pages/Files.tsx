import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import {
  Button,
  Card,
  ConfirmDialog,
  Empty,
  Failed,
  Loaded,
  PageHeader,
  Table,
  UploadButton,
  formatDate,
  formatNumber,
  useConfirmation,
} from "../../shared/ui";
import { NoWorkspace } from "../NoWorkspace";
import { useSession, useWorkspace } from "../session";
import type * as Schemas from "../../shared/api-types.gen";
import { workspaceKeys, workspaceQueries } from "../queries";

type StoredFile = Schemas.WorkspaceFile;

/** The files of the current workspace: upload, download, delete. */
export function Files() {
  const { api } = useSession();
  const { current } = useWorkspace();
  const { t } = useTranslation();
  const queries = useQueryClient();
  const key = workspaceKeys.files(current?.id ?? "");
  const files = useQuery({
    ...workspaceQueries.files(api, current?.id ?? ""),
    enabled: !!current,
  });
  const [sent, setSent] = useState<number | null>(null);
  const upload = useMutation({
    mutationFn: (file: File) =>
      api<StoredFile>(`/workspaces/${current!.id}/files`, {
        method: "POST",
        raw: file,
        query: { name: file.name },
        onProgress: setSent,
      }),
    onMutate: () => setSent(0),
    onSettled: () => {
      setSent(null);
      return queries.invalidateQueries({ queryKey: key });
    },
  });
  const download = useMutation({
    mutationFn: (id: string) => api<StoredFile>(`/workspaces/${current!.id}/files/${id}`),
    onSuccess: (file) => file.downloadUrl && window.location.assign(file.downloadUrl),
  });
  const remove = useConfirmation(
    (file: StoredFile) => api(`/workspaces/${current!.id}/files/${file.id}`, { method: "DELETE" }),
    () => void queries.invalidateQueries({ queryKey: key }),
  );
  if (!current) return <NoWorkspace />;
  const writer = current.role !== "VIEWER";
  return (
    <>
      <PageHeader
        title={t("files.title")}
        actions={
          writer && (
            <UploadButton
              label={t("files.upload")}
              inputLabel={t("files.fileToUpload")}
              busy={upload.isPending}
              onFile={(file) => upload.mutate(file)}
            />
          )
        }
      >
        {t("files.subtitle", { name: current.name })}
      </PageHeader>
      {sent !== null && (
        <div className="mb-4" role="status">
          <p className="text-sm text-slate-700">
            {t("files.uploading", { percent: formatNumber(sent, { style: "percent" }) })}
          </p>
          <div
            className="mt-1 h-2 rounded bg-slate-100"
            role="progressbar"
            aria-label={t("files.progress")}
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={Math.round(sent * 100)}
          >
            <div className="h-2 rounded bg-indigo-600" style={{ width: `${Math.round(sent * 100)}%` }} />
          </div>
        </div>
      )}
      <Failed actions={[upload, download]} />
      <Card>
        <Loaded
          query={files}
          loading={t("files.loading")}
          empty={<Empty title={t("files.none")}>{writer ? t("files.uploadFirst") : t("files.membersShare")}</Empty>}
        >
          {(loaded) => (
            <Table
              caption={t("files.title")}
              head={[t("common.name"), t("files.type"), t("files.size"), t("files.uploaded"), ""]}
            >
              {loaded.map((f) => (
                <tr key={f.id}>
                  <td className="px-3 py-2 font-medium text-slate-900">{f.name}</td>
                  <td className="px-3 py-2 text-slate-700">{f.contentType}</td>
                  <td className="px-3 py-2 text-slate-700">{size(f.size)}</td>
                  <td className="px-3 py-2 text-slate-700">{formatDate(f.uploadedAt)}</td>
                  <td className="flex justify-end gap-1 px-3 py-2">
                    <Button variant="ghost" onClick={() => download.mutate(f.id)}>
                      {t("files.download")}
                    </Button>
                    {writer && (
                      <Button variant="ghost" onClick={() => remove.ask(f)}>
                        {t("common.delete")}
                      </Button>
                    )}
                  </td>
                </tr>
              ))}
            </Table>
          )}
        </Loaded>
      </Card>
      <ConfirmDialog
        {...remove.dialog}
        title={t("files.deleteTitle")}
        message={t("files.deleteText", { file: remove.target?.name, name: current.name })}
        confirm={t("common.delete")}
      />
    </>
  );
}

/** A size as the language writes it: 1.5 kB, 1,5 ko. */
function size(bytes: number): string {
  const [value, unit] =
    bytes < 1024
      ? [bytes, "byte"]
      : bytes < 1024 * 1024
        ? [bytes / 1024, "kilobyte"]
        : [bytes / 1024 / 1024, "megabyte"];
  return formatNumber(value, { style: "unit", unit, unitDisplay: "short", maximumFractionDigits: 1 });
}
