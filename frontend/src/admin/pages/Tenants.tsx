import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { useState } from "react";
import type { Page } from "../../shared/api";
import { Badge, Card, Empty, ErrorBox, Loading, PageHeader, Pager, SelectInput, Table, TextInput, formatDate } from "../../shared/ui";
import { useApi, type Tenant } from "../context";

const SIZE = 20;
const STATUSES = ["", "PROVISIONING", "ACTIVE", "SUSPENDED", "FAILED", "DELETED"];

export function Tenants() {
  const api = useApi();
  const [q, setQ] = useState("");
  const [status, setStatus] = useState("");
  const [page, setPage] = useState(0);
  const tenants = useQuery({
    queryKey: ["tenants", q, status, page],
    queryFn: () => api<Page<Tenant>>("/tenants", { query: { q, status, page, size: SIZE } }),
    placeholderData: keepPreviousData,
  });
  return (
    <>
      <PageHeader
        title="Tenants"
        actions={
          <Link to="/tenants/new" className="rounded-md bg-indigo-600 px-3 py-2 text-sm font-medium text-white hover:bg-indigo-700">
            New tenant
          </Link>
        }
      >
        Every organization on the platform.
      </PageHeader>
      <div className="mb-4 grid max-w-xl gap-4 sm:grid-cols-2">
        <TextInput label="Search" type="search" placeholder="Slug or name" value={q} onChange={(e) => { setQ(e.target.value); setPage(0); }} />
        <SelectInput
          label="Status"
          value={status}
          options={STATUSES.map((s) => ({ value: s, label: s || "Any" }))}
          onChange={(e) => { setStatus(e.target.value); setPage(0); }}
        />
      </div>
      <Card>
        {tenants.isPending ? (
          <Loading what="Loading tenants" />
        ) : tenants.isError ? (
          <ErrorBox error={tenants.error} retry={() => void tenants.refetch()} />
        ) : tenants.data.items.length === 0 ? (
          <Empty title="No tenant matches">Change the search or create a tenant.</Empty>
        ) : (
          <>
            <Table caption="Tenants" head={["Tenant", "Slug", "Status", "Administrator", "Created"]}>
              {tenants.data.items.map((t) => (
                <tr key={t.id}>
                  <td className="px-3 py-2">
                    <Link to="/tenants/$tenantId" params={{ tenantId: t.id }} className="font-medium text-indigo-700 hover:underline">
                      {t.name}
                    </Link>
                  </td>
                  <td className="px-3 py-2 font-mono text-xs">{t.slug}</td>
                  <td className="px-3 py-2"><Badge>{t.status}</Badge></td>
                  <td className="px-3 py-2 text-slate-700">{t.adminEmail}</td>
                  <td className="px-3 py-2 text-slate-700">{formatDate(t.createdAt)}</td>
                </tr>
              ))}
            </Table>
            <Pager page={page} size={SIZE} total={tenants.data.total} onPage={setPage} />
          </>
        )}
      </Card>
    </>
  );
}
