import { useMutation, useQuery } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError } from "../../shared/api";
import { slugOf } from "../../shared/slug";
import { ActionForm, Card, PageHeader, SelectInput, TextInput } from "../../shared/ui";
import { useApi, type Tenant } from "../context";
import { databaseClusterQueries } from "../queries";

export function NewTenant() {
  const api = useApi();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [form, setForm] = useState({ name: "", slug: "", adminEmail: "", identityHome: "", databaseCluster: "" });
  const clusters = useQuery(databaseClusterQueries.list(api));
  const create = useMutation({
    mutationFn: () =>
      api<Tenant>("/tenants", {
        method: "POST",
        // Left out, the platform's policy places the tenant.
        body: {
          ...form,
          identityHome: form.identityHome || undefined,
          databaseCluster: form.databaseCluster || undefined,
        },
      }),
    onSuccess: (tenant) => navigate({ to: "/tenants/$tenantId", params: { tenantId: tenant.id } }),
  });
  const error = create.error instanceof ApiError ? create.error : undefined;
  return (
    <>
      <PageHeader title={t("tenants.new")}>{t("newTenant.subtitle")}</PageHeader>
      <Card>
        <ActionForm
          action={create}
          submit={t("newTenant.create")}
          className="max-w-lg space-y-4"
          placed={(e) => e.errors.length > 0 || e.code === "tenant-slug-taken"}
        >
          <TextInput
            label={t("common.name")}
            value={form.name}
            onChange={(e) =>
              setForm({
                ...form,
                name: e.target.value,
                slug: slugOf(e.target.value, 63),
              })
            }
            error={error?.fieldError("name")}
          />
          <TextInput
            label={t("tenants.slug")}
            hint={t("newTenant.slugHint")}
            value={form.slug}
            onChange={(e) => setForm({ ...form, slug: e.target.value })}
            error={error?.fieldError("slug") ?? (error?.code === "tenant-slug-taken" ? error.message : undefined)}
          />
          <TextInput
            label={t("newTenant.adminEmail")}
            type="email"
            value={form.adminEmail}
            onChange={(e) => setForm({ ...form, adminEmail: e.target.value })}
            error={error?.fieldError("adminEmail")}
          />
          <SelectInput
            label={t("newTenant.identityHome")}
            hint={t("newTenant.identityHomeHint")}
            value={form.identityHome}
            onChange={(e) => setForm({ ...form, identityHome: e.target.value })}
            options={[
              { value: "", label: t("newTenant.homeByPolicy") },
              { value: "REALM", label: t("newTenant.homeRealm") },
              { value: "ORGANIZATION", label: t("newTenant.homeOrganization") },
            ]}
            error={error?.fieldError("identityHome")}
          />
          {(clusters.data?.items.length ?? 0) > 1 && (
            <SelectInput
              label={t("newTenant.databaseCluster")}
              hint={t("newTenant.databaseClusterHint")}
              value={form.databaseCluster}
              onChange={(e) => setForm({ ...form, databaseCluster: e.target.value })}
              options={[
                { value: "", label: t("newTenant.clusterByDefault") },
                ...(clusters.data?.items ?? []).map((c) => ({
                  value: c.id,
                  label: t("newTenant.clusterOption", { id: c.id, count: c.tenants }),
                })),
              ]}
              error={error?.fieldError("databaseCluster")}
            />
          )}
        </ActionForm>
      </Card>
    </>
  );
}
