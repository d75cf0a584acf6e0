import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError } from "../../shared/api";
import type * as Schemas from "../../shared/api-types.gen";
import {
  ActionForm,
  Badge,
  Button,
  Card,
  ConfirmDialog,
  Dialog,
  Empty,
  Failed,
  Loaded,
  SelectInput,
  Table,
  TextInput,
  formatDate,
  useConfirmation,
} from "../../shared/ui";
import { useSession } from "../session";
import { tenantKeys, tenantQueries } from "../queries";

type Account = Schemas.ServiceAccount;
type Credentials = Schemas.ServiceAccountCredentials;

/**
 * Programs of the organization (a CI job, a nightly import): each gets tokens with its client id
 * and secret and acts with the role it was given. The secret is shown once, when made or renewed.
 */
export function ServiceAccountsCard() {
  const { api } = useSession();
  const { t } = useTranslation();
  const queries = useQueryClient();
  const [creating, setCreating] = useState(false);
  const [shown, setShown] = useState<{ name: string; credentials: Credentials } | null>(null);
  const accounts = useQuery(tenantQueries.serviceAccounts(api));
  const refresh = () => void queries.invalidateQueries({ queryKey: tenantKeys.serviceAccounts });
  const toggle = useMutation({
    mutationFn: (a: Account) => api(`/service-accounts/${a.id}`, { method: "PATCH", body: { enabled: !a.enabled } }),
    onSuccess: refresh,
  });
  const rotate = useConfirmation(
    (a: Account) =>
      api<Credentials>(`/service-accounts/${a.id}/secret`, { method: "POST" }).then((credentials) =>
        setShown({ name: a.name, credentials }),
      ),
    refresh,
  );
  const remove = useConfirmation((a: Account) => api(`/service-accounts/${a.id}`, { method: "DELETE" }), refresh);
  return (
    <Card
      title={t("serviceAccounts.title")}
      actions={<Button onClick={() => setCreating(true)}>{t("serviceAccounts.create")}</Button>}
    >
      <p className="mb-3 text-sm text-slate-600">{t("serviceAccounts.intro")}</p>
      <Failed actions={[toggle]} />
      <Loaded
        query={accounts}
        loading={t("serviceAccounts.loading")}
        empty={<Empty title={t("serviceAccounts.none")} />}
      >
        {(loaded) => (
          <Table
            caption={t("serviceAccounts.title")}
            head={[
              t("common.name"),
              t("serviceAccounts.clientId"),
              t("members.roles"),
              t("common.status.label"),
              t("serviceAccounts.secretSince"),
              "",
            ]}
          >
            {loaded.map((a) => (
              <tr key={a.id}>
                <td className="px-3 py-2 font-medium text-slate-900">{a.name}</td>
                <td className="px-3 py-2 font-mono text-xs text-slate-700">{a.clientId}</td>
                <td className="px-3 py-2 text-slate-700">{a.roles.join(", ")}</td>
                <td className="px-3 py-2">
                  <Badge>{a.enabled ? "ENABLED" : "DISABLED"}</Badge>
                </td>
                <td className="px-3 py-2 text-slate-700">{formatDate(a.secretRotatedAt)}</td>
                <td className="space-x-1 whitespace-nowrap px-3 py-2 text-right">
                  <Button
                    variant="ghost"
                    busy={toggle.isPending && toggle.variables?.id === a.id}
                    onClick={() => toggle.mutate(a)}
                  >
                    {a.enabled ? t("serviceAccounts.disable") : t("serviceAccounts.enable")}
                  </Button>
                  <Button variant="ghost" onClick={() => rotate.ask(a)}>
                    {t("serviceAccounts.rotate")}
                  </Button>
                  <Button variant="ghost" onClick={() => remove.ask(a)}>
                    {t("common.delete")}
                  </Button>
                </td>
              </tr>
            ))}
          </Table>
        )}
      </Loaded>
      <CreateServiceAccount
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(made) => {
          setCreating(false);
          setShown({ name: made.serviceAccount.name, credentials: made.credentials });
          refresh();
        }}
      />
      <ShownCredentials shown={shown} onClose={() => setShown(null)} />
      <ConfirmDialog
        {...rotate.dialog}
        title={t("serviceAccounts.rotateTitle", { name: rotate.target?.name ?? "" })}
        message={t("serviceAccounts.rotateText")}
        confirm={t("serviceAccounts.rotate")}
      />
      <ConfirmDialog
        {...remove.dialog}
        title={t("serviceAccounts.deleteTitle", { name: remove.target?.name ?? "" })}
        message={t("serviceAccounts.deleteText")}
        confirm={t("common.delete")}
      />
    </Card>
  );
}

function CreateServiceAccount({
  open,
  onClose,
  onCreated,
}: {
  open: boolean;
  onClose: () => void;
  onCreated: (made: Schemas.NewServiceAccount) => void;
}) {
  const { api } = useSession();
  const { t } = useTranslation();
  const [name, setName] = useState("");
  const [role, setRole] = useState("user");
  const roles = useQuery({ ...tenantQueries.roles(api), enabled: open });
  const create = useMutation({
    mutationFn: () =>
      api<Schemas.NewServiceAccount>("/service-accounts", { method: "POST", body: { name, roles: [role] } }),
    onSuccess: (made) => {
      setName("");
      onCreated(made);
    },
  });
  const error = create.error instanceof ApiError ? create.error : undefined;
  const options = (roles.data ?? [{ name: "user" } as Schemas.Role]).map((r) => ({ value: r.name, label: r.name }));
  return (
    <Dialog open={open} title={t("serviceAccounts.create")} onClose={onClose}>
      <ActionForm action={create} submit={t("serviceAccounts.create")} onCancel={onClose}>
        <TextInput
          label={t("common.name")}
          value={name}
          placeholder={t("serviceAccounts.namePlaceholder")}
          onChange={(e) => setName(e.target.value)}
          error={error?.fieldError("name")}
        />
        <SelectInput
          label={t("serviceAccounts.role")}
          hint={t("serviceAccounts.roleHint")}
          value={role}
          options={options}
          onChange={(e) => setRole(e.target.value)}
          error={error?.fieldError("roles")}
        />
      </ActionForm>
    </Dialog>
  );
}

/** The credentials, this once: the platform keeps no copy of the secret. */
function ShownCredentials({
  shown,
  onClose,
}: {
  shown: { name: string; credentials: Credentials } | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const c = shown?.credentials;
  return (
    <Dialog
      open={shown !== null}
      title={t("serviceAccounts.credentialsTitle", { name: shown?.name ?? "" })}
      onClose={onClose}
    >
      {c && (
        <div className="space-y-3 text-sm">
          <p role="status" className="text-amber-800">
            {t("serviceAccounts.onlyOnce")}
          </p>
          <dl className="grid gap-2 sm:grid-cols-[8rem_1fr]">
            <dt className="text-slate-600">{t("serviceAccounts.clientId")}</dt>
            <dd className="break-all font-mono text-xs" data-testid="client-id">
              {c.clientId}
            </dd>
            <dt className="text-slate-600">{t("serviceAccounts.secret")}</dt>
            <dd className="break-all font-mono text-xs" data-testid="client-secret">
              {c.clientSecret}
            </dd>
            <dt className="text-slate-600">{t("serviceAccounts.tokenEndpoint")}</dt>
            <dd className="break-all font-mono text-xs">{c.tokenEndpoint}</dd>
          </dl>
          <p className="text-xs text-slate-600">{t("serviceAccounts.howTo")}</p>
          <div className="flex justify-end">
            <Button onClick={onClose}>{t("serviceAccounts.done")}</Button>
          </div>
        </div>
      )}
    </Dialog>
  );
}
