import { useMutation } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError } from "../../shared/api";
import { ActionForm, Card, PageHeader, TextInput } from "../../shared/ui";
import { useApi, type Tenant } from "../context";

export function NewTenant() {
  const api = useApi();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [form, setForm] = useState({ name: "", slug: "", adminEmail: "" });
  const create = useMutation({
    mutationFn: () => api<Tenant>("/tenants", { method: "POST", body: form }),
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
                slug: e.target.value
                  .toLowerCase()
                  .replace(/[^a-z0-9]+/g, "-")
                  .replace(/^-+|-+$/g, "")
                  .slice(0, 63),
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
        </ActionForm>
      </Card>
    </>
  );
}
