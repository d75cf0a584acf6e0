import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { fullName } from "../../shared/people";
import {
  Badge,
  Button,
  Card,
  Empty,
  ErrorBox,
  Loading,
  PageHeader,
  Pager,
  SelectInput,
  Table,
  TextInput,
  formatDate,
} from "../../shared/ui";
import { useApi } from "../context";
import type * as Schemas from "../../shared/api-types.gen";
import { platformUserKeys, platformUserQueries } from "../queries";

type PlatformUser = Schemas.PlatformUser;

type Action = "disable" | "enable" | "password-mail";

const SIZE = 20;

/** The filters, kept in the address so that a reload or a shared link shows the same list. */
function useFilter(name: string): [string, (value: string) => void] {
  const [value, setValue] = useState(() => new URLSearchParams(window.location.search).get(name) ?? "");
  useEffect(() => {
    const url = new URL(window.location.href);
    if (value) url.searchParams.set(name, value);
    else url.searchParams.delete(name);
    window.history.replaceState(window.history.state, "", url);
  }, [name, value]);
  return [value, setValue];
}

/** Users across every tenant, with what the platform's administrators do for them. */
export function Users() {
  const api = useApi();
  const { t } = useTranslation();
  const queries = useQueryClient();
  const [q, setQ] = useFilter("q");
  const [tenant, setTenant] = useFilter("tenant");
  const [status, setStatus] = useFilter("status");
  const [page, setPage] = useState(0);
  const [done, setDone] = useState<string | null>(null);
  const users = useQuery({
    ...platformUserQueries.page(api, { q, tenant, status, page, size: SIZE }),
    placeholderData: keepPreviousData,
  });
  const act = useMutation({
    mutationFn: ({ user, action }: { user: PlatformUser; action: Action }) =>
      api(`/admin/users/${encodeURIComponent(user.tenantSlug)}/${user.id}/${action}`, { method: "POST" }),
    onSuccess: (_, { user, action }) => {
      setDone(
        action === "password-mail"
          ? t("users.mailed", { email: user.email })
          : t(action === "disable" ? "users.disabled" : "users.enabled", { name: fullName(user) }),
      );
      void queries.invalidateQueries({ queryKey: platformUserKeys.all });
    },
    onMutate: () => setDone(null),
  });
  return (
    <>
      <PageHeader title={t("console.users")}>{t("users.subtitle")}</PageHeader>
      <div className="mb-4 grid gap-4 sm:grid-cols-3">
        <TextInput
          label={t("common.search")}
          type="search"
          value={q}
          onChange={(e) => {
            setQ(e.target.value);
            setPage(0);
          }}
        />
        <TextInput
          label={t("tenants.tenant")}
          placeholder={t("users.tenantPlaceholder")}
          value={tenant}
          onChange={(e) => {
            setTenant(e.target.value);
            setPage(0);
          }}
        />
        <SelectInput
          label={t("common.status.label")}
          value={status}
          options={["", "INVITED", "ACTIVE", "DISABLED"].map((s) => ({
            value: s,
            label: s ? t(`common.status.${s}` as "common.status.ACTIVE") : t("tenants.any"),
          }))}
          onChange={(e) => {
            setStatus(e.target.value);
            setPage(0);
          }}
        />
      </div>
      {done && (
        <p role="status" className="mb-4 rounded-md bg-emerald-50 p-3 text-sm text-emerald-900">
          {done}
        </p>
      )}
      {act.isError && (
        <div className="mb-4">
          <ErrorBox error={act.error} />
        </div>
      )}
      <Card>
        {users.isPending ? (
          <Loading what={t("users.loading")} />
        ) : users.isError ? (
          <ErrorBox error={users.error} retry={() => void users.refetch()} />
        ) : users.data.items.length === 0 ? (
          <Empty title={t("users.noMatch")} />
        ) : (
          <>
            <Table
              caption={t("users.caption")}
              head={[
                t("common.name"),
                t("common.email"),
                t("tenants.tenant"),
                t("users.roles"),
                t("common.status.label"),
                t("users.since"),
                "",
              ]}
            >
              {users.data.items.map((u) => (
                <tr key={`${u.tenantSlug}/${u.id}`}>
                  <td className="px-3 py-2 font-medium">{fullName(u)}</td>
                  <td className="px-3 py-2">{u.email}</td>
                  <td className="px-3 py-2 font-mono text-xs">{u.tenantSlug}</td>
                  <td className="px-3 py-2">{u.roles.join(", ")}</td>
                  <td className="px-3 py-2">
                    <Badge>{u.status}</Badge>
                  </td>
                  <td className="px-3 py-2">{formatDate(u.createdAt)}</td>
                  <td className="px-3 py-2 text-right">
                    <span className="inline-flex gap-1">
                      <Button
                        variant="ghost"
                        aria-label={t(u.status === "INVITED" ? "users.resendLabel" : "users.passwordLabel", {
                          email: u.email,
                        })}
                        busy={act.isPending && act.variables?.user === u && act.variables.action === "password-mail"}
                        onClick={() => act.mutate({ user: u, action: "password-mail" })}
                      >
                        {u.status === "INVITED" ? t("users.resend") : t("users.passwordLink")}
                      </Button>
                      <Button
                        variant="ghost"
                        aria-label={t(u.status === "DISABLED" ? "users.enableLabel" : "users.disableLabel", {
                          email: u.email,
                        })}
                        busy={act.isPending && act.variables?.user === u && act.variables.action !== "password-mail"}
                        onClick={() => act.mutate({ user: u, action: u.status === "DISABLED" ? "enable" : "disable" })}
                      >
                        {u.status === "DISABLED" ? t("users.enable") : t("users.disable")}
                      </Button>
                    </span>
                  </td>
                </tr>
              ))}
            </Table>
            <Pager page={page} size={SIZE} total={users.data.total} onPage={setPage} />
          </>
        )}
      </Card>
    </>
  );
}
