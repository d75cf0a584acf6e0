import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { fullName } from "../../shared/people";
import {
  Badge,
  Button,
  Card,
  Done,
  Empty,
  Failed,
  Loaded,
  PageHeader,
  Pager,
  StatusSelect,
  Table,
  TextInput,
  formatDate,
  usePaging,
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
  const { page, setPage, filter } = usePaging();
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
        <TextInput label={t("common.search")} type="search" value={q} onChange={filter(setQ)} />
        <TextInput
          label={t("tenants.tenant")}
          placeholder={t("users.tenantPlaceholder")}
          value={tenant}
          onChange={filter(setTenant)}
        />
        <StatusSelect statuses={["INVITED", "ACTIVE", "DISABLED"]} value={status} onChange={filter(setStatus)} />
      </div>
      {done && <Done>{done}</Done>}
      <Failed actions={[act]} />
      <Card>
        <Loaded query={users} loading={t("users.loading")} empty={<Empty title={t("users.noMatch")} />}>
          {(loaded) => (
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
                {loaded.items.map((u) => (
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
                          onClick={() =>
                            act.mutate({ user: u, action: u.status === "DISABLED" ? "enable" : "disable" })
                          }
                        >
                          {u.status === "DISABLED" ? t("users.enable") : t("users.disable")}
                        </Button>
                      </span>
                    </td>
                  </tr>
                ))}
              </Table>
              <Pager page={page} size={SIZE} total={loaded.total} onPage={setPage} />
            </>
          )}
        </Loaded>
      </Card>
    </>
  );
}
