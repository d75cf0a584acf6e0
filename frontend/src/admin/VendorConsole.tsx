import { QueryClient, QueryClientProvider, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError } from "../shared/api";
import {
  ActionForm,
  Badge,
  Button,
  Card,
  ConfirmDialog,
  Dialog,
  Done,
  Empty,
  Failed,
  Loaded,
  PageHeader,
  Table,
  TextArea,
  UploadButton,
  formatDate,
  useConfirmation,
} from "../shared/ui";
import { ConsoleContext, useApi, type ConsoleSession } from "./context";
import { SessionControls } from "./Frame";
import type * as Schemas from "../shared/api-types.gen";

type Submission = Schemas.PluginSubmission;

const vendorKey = ["vendor"] as const;

/** The console as a plugin vendor sees it: one page for its plugins, what it submitted, its keys. */
export function VendorConsole(session: ConsoleSession) {
  const [queries] = useState(
    () =>
      new QueryClient({
        defaultOptions: {
          queries: { staleTime: 10_000, retry: (n, e) => !(e instanceof ApiError && e.status < 500) && n < 2 },
        },
      }),
  );
  return (
    <ConsoleContext.Provider value={session}>
      <QueryClientProvider client={queries}>
        <VendorFrame>
          <VendorHome />
        </VendorFrame>
      </QueryClientProvider>
    </ConsoleContext.Provider>
  );
}

function VendorFrame({ children }: { children: React.ReactNode }) {
  const { t } = useTranslation();
  return (
    <div className="flex min-h-screen flex-col">
      <header className="flex h-14 items-center gap-4 bg-slate-900 px-4 text-white">
        <span className="flex items-center gap-2 font-semibold">
          <img src="/favicon.svg" alt="" className="h-7 w-7" /> {t("vendorHome.title")}
        </span>
        <SessionControls />
      </header>
      <main id="main" tabIndex={-1} className="mx-auto w-full max-w-6xl flex-1 space-y-6 p-4 md:p-8">
        {children}
      </main>
    </div>
  );
}

/**
 * Publishing as a vendor: upload a signed bundle (checked at once, then reviewed), follow the
 * submissions and why one was rejected, see the published plugins and how many tenants use them,
 * and keep the certificates bundles are signed with.
 */
export function VendorHome() {
  const api = useApi();
  const { t } = useTranslation();
  const queries = useQueryClient();
  const me = useQuery({ queryKey: [...vendorKey, "me"], queryFn: () => api<Schemas.Vendor>("/vendor") });
  const plugins = useQuery({
    queryKey: [...vendorKey, "plugins"],
    queryFn: () => api<Schemas.VendorPlugin[]>("/vendor/plugins"),
  });
  const submissions = useQuery({
    queryKey: [...vendorKey, "submissions"],
    queryFn: () => api<Schemas.PluginSubmissionPage>("/vendor/submissions", { query: { size: 50 } }),
  });
  const refresh = () => void queries.invalidateQueries({ queryKey: vendorKey });
  const publish = useMutation({
    mutationFn: (file: File) =>
      api<Submission>("/vendor/submissions", {
        method: "POST",
        raw: new Blob([file], { type: "application/java-archive" }),
      }),
    onSettled: refresh,
  });
  const [reading, setReading] = useState<Schemas.VendorPlugin | null>(null);
  const withdraw = useMutation({
    mutationFn: (s: Submission) => api<Submission>(`/vendor/submissions/${s.id}/withdraw`, { method: "POST" }),
    onSettled: refresh,
  });
  return (
    <>
      <PageHeader
        title={me.data?.name ?? t("vendorHome.title")}
        actions={
          <UploadButton
            label={t("vendorHome.publish")}
            inputLabel={t("vendorHome.bundleToPublish")}
            accept=".jar,application/java-archive"
            busy={publish.isPending}
            onFile={(file) => publish.mutate(file)}
          />
        }
      >
        {t("vendorHome.subtitle")}
      </PageHeader>
      <Failed actions={[publish, withdraw]} />
      {publish.isSuccess && (
        <Done>{t("vendorHome.submitted", { name: publish.data.name, version: publish.data.version })}</Done>
      )}
      <Card title={t("vendorHome.submissions")}>
        <Loaded
          query={submissions}
          loading={t("vendorHome.loading")}
          empty={<Empty title={t("vendorHome.noSubmissions")}>{t("vendorHome.noSubmissionsText")}</Empty>}
        >
          {(page) => (
            <Table
              caption={t("vendorHome.submissions")}
              head={[t("vendorHome.plugin"), t("vendorHome.submittedAt"), t("common.status.label"), ""]}
            >
              {page.items.map((s) => (
                <tr key={s.id} data-testid={`submission-${s.pluginId}-${s.version}`}>
                  <td className="px-3 py-2">
                    <span className="font-medium">{s.name}</span> {s.version}
                    <div className="font-mono text-xs text-slate-600">{s.pluginId}</div>
                  </td>
                  <td className="px-3 py-2">{formatDate(s.submittedAt)}</td>
                  <td className="px-3 py-2">
                    <Badge>{t(`submissions.status.${s.status}`)}</Badge>
                    {s.reason && <p className="mt-1 max-w-md whitespace-pre-line text-sm">{s.reason}</p>}
                  </td>
                  <td className="px-3 py-2 text-right">
                    {s.status === "PENDING" && (
                      <Button variant="secondary" busy={withdraw.isPending} onClick={() => withdraw.mutate(s)}>
                        {t("vendorHome.withdraw")}
                      </Button>
                    )}
                  </td>
                </tr>
              ))}
            </Table>
          )}
        </Loaded>
      </Card>
      <Card title={t("vendorHome.plugins")}>
        <Loaded
          query={plugins}
          loading={t("vendorHome.loading")}
          empty={<Empty title={t("vendorHome.noPlugins")}>{t("vendorHome.noPluginsText")}</Empty>}
        >
          {(list) => (
            <Table
              caption={t("vendorHome.plugins")}
              head={[t("vendorHome.plugin"), t("vendorHome.versions"), t("vendorHome.installations"), ""]}
            >
              {list.map((p) => (
                <tr key={p.id}>
                  <td className="px-3 py-2">
                    <span className="font-medium">{p.name}</span>
                    <span className="ml-2 font-mono text-xs text-slate-600">{p.id}</span>
                  </td>
                  <td className="px-3 py-2">{p.versions.join(", ")}</td>
                  <td className="px-3 py-2">{p.installations}</td>
                  <td className="px-3 py-2 text-right">
                    <Button variant="secondary" onClick={() => setReading(p)}>
                      {t("vendorHome.reviews")}
                    </Button>
                  </td>
                </tr>
              ))}
            </Table>
          )}
        </Loaded>
      </Card>
      <Keys vendor={me.data} onChange={refresh} />
      {reading && <PluginReviews key={reading.id} plugin={reading} onClose={() => setReading(null)} />}
    </>
  );
}

/** What tenants wrote about one of the vendor's plugins (naming no tenant), and its replies. */
function PluginReviews({ plugin, onClose }: { plugin: Schemas.VendorPlugin; onClose: () => void }) {
  const api = useApi();
  const { t } = useTranslation();
  const key = [...vendorKey, "reviews", plugin.id] as const;
  const reviews = useQuery({
    queryKey: key,
    queryFn: () => api<Schemas.VendorReviewPage>(`/vendor/plugins/${plugin.id}/reviews`, { query: { size: 50 } }),
  });
  return (
    <Dialog open title={t("vendorHome.reviewsOf", { name: plugin.name })} onClose={onClose}>
      <Loaded query={reviews} loading={t("vendorHome.loading")} empty={<Empty title={t("vendorHome.noReviews")} />}>
        {(page) => (
          <ul className="max-h-[60vh] space-y-3 overflow-y-auto">
            {page.items.map((r) => (
              <ReviewWithReply key={r.id} pluginId={plugin.id} review={r} queryKey={key} />
            ))}
          </ul>
        )}
      </Loaded>
    </Dialog>
  );
}

function ReviewWithReply({
  pluginId,
  review,
  queryKey,
}: {
  pluginId: string;
  review: Schemas.VendorReview;
  queryKey: readonly unknown[];
}) {
  const api = useApi();
  const { t } = useTranslation();
  const queries = useQueryClient();
  const [text, setText] = useState(review.reply ?? "");
  const reply = useMutation({
    mutationFn: () =>
      api<Schemas.VendorReview>(`/vendor/plugins/${pluginId}/reviews/${review.id}/reply`, {
        method: "PUT",
        body: { text },
      }),
    onSuccess: () => void queries.invalidateQueries({ queryKey }),
  });
  return (
    <li className="rounded border border-slate-200 p-3 text-sm" data-testid={`review-${review.id}`}>
      <p className="text-slate-600">
        {t("vendorHome.rated", { rating: review.rating, version: review.version, date: formatDate(review.updatedAt) })}
      </p>
      {review.text && <p className="mt-1 whitespace-pre-line text-slate-800">{review.text}</p>}
      <ActionForm
        action={reply}
        submit={review.reply ? t("vendorHome.updateReply") : t("vendorHome.reply")}
        saved={reply.isSuccess}
        className="mt-2 space-y-2"
      >
        <TextArea
          label={t("vendorHome.yourReply")}
          rows={2}
          maxLength={2000}
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
      </ActionForm>
    </li>
  );
}

/** The certificates whose keys sign the vendor's bundles: register one, remove one. */
function Keys({ vendor, onChange }: { vendor?: Schemas.Vendor; onChange: () => void }) {
  const api = useApi();
  const { t } = useTranslation();
  const [pem, setPem] = useState("");
  const add = useMutation({
    mutationFn: () => api<Schemas.VendorKey>("/vendor/keys", { method: "POST", body: { certificate: pem } }),
    onSuccess: () => {
      setPem("");
      onChange();
    },
  });
  const remove = useConfirmation(
    (key: Schemas.VendorKey) => api(`/vendor/keys/${key.fingerprint}`, { method: "DELETE" }),
    onChange,
  );
  const error = add.error instanceof ApiError ? add.error : undefined;
  return (
    <Card title={t("vendorHome.keys")}>
      <p className="mb-3 text-sm text-slate-600">{t("vendorHome.keysText")}</p>
      {vendor && vendor.keys.length > 0 && (
        <Table
          caption={t("vendorHome.keys")}
          head={[t("vendorHome.subject"), t("vendorHome.fingerprint"), t("vendorHome.expires"), ""]}
        >
          {vendor.keys.map((k) => (
            <tr key={k.fingerprint}>
              <td className="px-3 py-2">{k.subject}</td>
              <td className="px-3 py-2 font-mono text-xs" title={k.fingerprint}>
                {k.fingerprint.slice(0, 16)}…
              </td>
              <td className="px-3 py-2">{formatDate(k.notAfter)}</td>
              <td className="px-3 py-2 text-right">
                <Button variant="secondary" onClick={() => remove.ask(k)}>
                  {t("common.delete")}
                </Button>
              </td>
            </tr>
          ))}
        </Table>
      )}
      <ActionForm action={add} submit={t("vendorHome.addKey")} className="mt-4 max-w-2xl space-y-4">
        <TextArea
          label={t("vendorHome.certificate")}
          hint={t("vendorHome.certificateHint")}
          rows={5}
          value={pem}
          onChange={(e) => setPem(e.target.value)}
          error={error?.fieldError("certificate")}
        />
      </ActionForm>
      <ConfirmDialog
        {...remove.dialog}
        title={t("vendorHome.removeKeyTitle")}
        message={t("vendorHome.removeKeyText", { subject: remove.target?.subject })}
        confirm={t("common.delete")}
      />
    </Card>
  );
}
