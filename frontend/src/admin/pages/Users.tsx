import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import type { Page } from "../../shared/api";
import { fullName, type User } from "../../shared/people";
import { Badge, Card, Empty, ErrorBox, Loading, PageHeader, Pager, SelectInput, Table, TextInput, formatDate } from "../../shared/ui";
import { useApi } from "../context";

interface PlatformUser extends User {
  tenantSlug: string;
}

const SIZE = 20;

/** Users across every tenant. */
export function Users() {
  const api = useApi();
  const [q, setQ] = useState("");
  const [tenant, setTenant] = useState("");
  const [status, setStatus] = useState("");
  const [page, setPage] = useState(0);
  const users = useQuery({
    queryKey: ["platform-users", q, tenant, status, page],
    queryFn: () => api<Page<PlatformUser>>("/admin/users", { query: { q, tenant, status, page, size: SIZE } }),
    placeholderData: keepPreviousData,
  });
  return (
    <>
      <PageHeader title="Users">People of every tenant.</PageHeader>
      <div className="mb-4 grid gap-4 sm:grid-cols-3">
        <TextInput label="Search" type="search" value={q} onChange={(e) => { setQ(e.target.value); setPage(0); }} />
        <TextInput label="Tenant" placeholder="slug" value={tenant} onChange={(e) => { setTenant(e.target.value); setPage(0); }} />
        <SelectInput
          label="Status"
          value={status}
          options={["", "INVITED", "ACTIVE", "DISABLED"].map((s) => ({ value: s, label: s || "Any" }))}
          onChange={(e) => { setStatus(e.target.value); setPage(0); }}
        />
      </div>
      <Card>
        {users.isPending ? (
          <Loading what="Loading users" />
        ) : users.isError ? (
          <ErrorBox error={users.error} retry={() => void users.refetch()} />
        ) : users.data.items.length === 0 ? (
          <Empty title="Nobody matches" />
        ) : (
          <>
            <Table caption="Users of all tenants" head={["Name", "E-mail", "Tenant", "Roles", "Status", "Since"]}>
              {users.data.items.map((u) => (
                <tr key={`${u.tenantSlug}/${u.id}`}>
                  <td className="px-3 py-2 font-medium">{fullName(u)}</td>
                  <td className="px-3 py-2">{u.email}</td>
                  <td className="px-3 py-2 font-mono text-xs">{u.tenantSlug}</td>
                  <td className="px-3 py-2">{u.roles.join(", ")}</td>
                  <td className="px-3 py-2"><Badge>{u.status}</Badge></td>
                  <td className="px-3 py-2">{formatDate(u.createdAt)}</td>
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
