import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import {
  Badge,
  Card,
  Empty,
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
import { tenantQueries } from "../queries";

const SIZE = 20;
const STATUSES = ["PROVISIONING", "ACTIVE", "SUSPENDED", "FAILED", "DELETED"];

export function Tenants() {
  const api = useApi();
  const { t } = useTranslation();
  const [q, setQ] = useState("");
  const [status, setStatus] = useState("");
  const { page, setPage, filter } = usePaging();
  const tenants = useQuery({
    ...tenantQueries.page(api, { q, status, page, size: SIZE }),
    placeholderData: keepPreviousData,
  });
  return (
    <>
      <PageHeader
        title={t("console.tenants")}
        actions={
          <Link
            to="/tenants/new"
            className="rounded-md bg-indigo-600 px-3 py-2 text-sm font-medium text-white hover:bg-indigo-700"
          >
            {t("tenants.new")}
          </Link>
        }
      >
        {t("tenants.subtitle")}
      </PageHeader>
      <div className="mb-4 grid max-w-xl gap-4 sm:grid-cols-2">
        <TextInput
          label={t("common.search")}
          type="search"
          placeholder={t("tenants.searchPlaceholder")}
          value={q}
          onChange={filter(setQ)}
        />
        <StatusSelect statuses={STATUSES} value={status} onChange={filter(setStatus)} />
      </div>
      <Card>
        <Loaded
          query={tenants}
          loading={t("tenants.loading")}
          empty={<Empty title={t("tenants.noMatch")}>{t("tenants.noMatchText")}</Empty>}
        >
          {(found) => (
            <>
              <Table
                caption={t("console.tenants")}
                head={[
                  t("tenants.tenant"),
                  t("tenants.slug"),
                  t("common.status.label"),
                  t("tenants.administrator"),
                  t("common.created"),
                ]}
              >
                {found.items.map((tenant) => (
                  <tr key={tenant.id}>
                    <td className="px-3 py-2">
                      <Link
                        to="/tenants/$tenantId"
                        params={{ tenantId: tenant.id }}
                        className="font-medium text-indigo-700 hover:underline"
                      >
                        {tenant.name}
                      </Link>
                    </td>
                    <td className="px-3 py-2 font-mono text-xs">{tenant.slug}</td>
                    <td className="px-3 py-2">
                      <Badge>{tenant.status}</Badge>
                    </td>
                    <td className="px-3 py-2 text-slate-700">{tenant.adminEmail}</td>
                    <td className="px-3 py-2 text-slate-700">{formatDate(tenant.createdAt)}</td>
                  </tr>
                ))}
              </Table>
              <Pager page={page} size={SIZE} total={found.total} onPage={setPage} />
            </>
          )}
        </Loaded>
      </Card>
    </>
  );
}
