import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import {
  Badge,
  Card,
  Done,
  Empty,
  Failed,
  Loaded,
  PageHeader,
  SelectInput,
  Table,
  TextInput,
  UploadButton,
} from "../../shared/ui";
import { useApi } from "../context";
import type * as Schemas from "../../shared/api-types.gen";
import { registryKeys, registryQueries } from "../queries";
import { Libraries } from "./Libraries";

export type RegisteredPlugin = Schemas.RegisteredPlugin;

/** The plugin registry: search and filter, upload a bundle. */
export function Plugins() {
  const api = useApi();
  const { t } = useTranslation();
  const queries = useQueryClient();
  const [q, setQ] = useState("");
  const [category, setCategory] = useState("");
  const [status, setStatus] = useState("");
  const [vendor, setVendor] = useState("");
  const all = useQuery(registryQueries.list(api));
  const upload = useMutation({
    mutationFn: (file: File) =>
      api<RegisteredPlugin>("/admin/plugins", {
        method: "POST",
        raw: new Blob([file], { type: "application/java-archive" }),
      }),
    onSettled: () => queries.invalidateQueries({ queryKey: registryKeys.all }),
  });
  const shown = useMemo(() => {
    const needle = q.trim().toLowerCase();
    return (all.data ?? []).filter(
      (p) =>
        (!needle || `${p.id} ${p.name} ${p.description}`.toLowerCase().includes(needle)) &&
        (!category || p.category === category) &&
        (!status || p.status === status) &&
        (!vendor || p.vendor === vendor),
    );
  }, [all.data, q, category, status, vendor]);
  const options = (values: string[], label = (v: string) => v) => [
    { value: "", label: t("common.any") },
    ...[...new Set(values)].sort().map((v) => ({ value: v, label: label(v) })),
  ];
  return (
    <>
      <PageHeader
        title={t("console.plugins")}
        actions={
          <UploadButton
            label={t("registry.upload")}
            inputLabel={t("registry.bundleToUpload")}
            accept=".jar,application/java-archive"
            busy={upload.isPending}
            onFile={(file) => upload.mutate(file)}
          />
        }
      >
        {t("registry.subtitle")}
      </PageHeader>
      <Failed actions={[upload]} />
      {upload.isSuccess && (
        <Done>{t("registry.deployed", { name: upload.data.name, version: upload.data.currentVersion })}</Done>
      )}
      <div className="mb-4 grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <TextInput label={t("common.search")} type="search" value={q} onChange={(e) => setQ(e.target.value)} />
        <SelectInput
          label={t("registry.category")}
          value={category}
          options={options((all.data ?? []).map((p) => p.category))}
          onChange={(e) => setCategory(e.target.value)}
        />
        <SelectInput
          label={t("common.status.label")}
          value={status}
          options={options(["ACTIVE", "DEPRECATED"], (s) => t(`common.status.${s}` as "common.status.ACTIVE"))}
          onChange={(e) => setStatus(e.target.value)}
        />
        <SelectInput
          label={t("registry.vendor")}
          value={vendor}
          options={options((all.data ?? []).map((p) => p.vendor))}
          onChange={(e) => setVendor(e.target.value)}
        />
      </div>
      <Card>
        <Loaded
          query={all}
          loading={t("registry.loading")}
          empty={<Empty title={t("registry.noMatch")}>{t("registry.noMatchText")}</Empty>}
          isEmpty={() => shown.length === 0}
        >
          {() => (
            <Table
              caption={t("registry.caption")}
              head={[
                t("registry.plugin"),
                t("registry.vendor"),
                t("registry.category"),
                t("registry.version"),
                t("common.status.label"),
                t("console.tenants"),
              ]}
            >
              {shown.map((p) => (
                <tr key={p.id}>
                  <td className="px-3 py-2">
                    <Link
                      to="/plugins/$pluginId"
                      params={{ pluginId: p.id }}
                      className="font-medium text-indigo-700 hover:underline"
                    >
                      {p.name}
                    </Link>
                    <span className="ml-2 font-mono text-xs text-slate-600">{p.id}</span>
                  </td>
                  <td className="px-3 py-2">{p.vendor}</td>
                  <td className="px-3 py-2">{p.category}</td>
                  <td className="px-3 py-2">{p.currentVersion}</td>
                  <td className="px-3 py-2">
                    <Badge>{p.status}</Badge>
                  </td>
                  <td className="px-3 py-2">{p.tenants.length}</td>
                </tr>
              ))}
            </Table>
          )}
        </Loaded>
      </Card>
      <div className="mt-6">
        <Libraries />
      </div>
    </>
  );
}
