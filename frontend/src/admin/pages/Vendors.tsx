import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError } from "../../shared/api";
import { slugOf } from "../../shared/slug";
import { ActionForm, Card, Done, Empty, Loaded, PageHeader, Table, TextInput, formatDate } from "../../shared/ui";
import { useApi } from "../context";
import { vendorKeys, vendorQueries } from "../queries";
import type * as Schemas from "../../shared/api-types.gen";

const EMPTY = { id: "", name: "", email: "" };

/**
 * Plugin vendors: who publishes, with how many signing keys and which plugins; make a vendor, whose
 * account gets the link to set its password by mail.
 */
export function Vendors() {
  const api = useApi();
  const { t } = useTranslation();
  const queries = useQueryClient();
  const vendors = useQuery(vendorQueries.list(api));
  const [form, setForm] = useState(EMPTY);
  const create = useMutation({
    mutationFn: () => api<Schemas.Vendor>("/admin/vendors", { method: "POST", body: form }),
    onSuccess: () => {
      setForm(EMPTY);
      void queries.invalidateQueries({ queryKey: vendorKeys.all });
    },
  });
  const error = create.error instanceof ApiError ? create.error : undefined;
  return (
    <>
      <PageHeader title={t("console.vendors")}>{t("vendors.subtitle")}</PageHeader>
      <Card>
        <h2 className="mb-3 font-semibold">{t("vendors.new")}</h2>
        {create.isSuccess && <Done>{t("vendors.made", { email: create.data.email })}</Done>}
        <ActionForm
          action={create}
          submit={t("vendors.create")}
          className="grid max-w-3xl gap-4 sm:grid-cols-3"
          placed={(e) => e.errors.length > 0 || e.code === "vendor-exists" || e.code === "user-exists"}
        >
          <TextInput
            label={t("common.name")}
            value={form.name}
            onChange={(e) =>
              setForm({
                ...form,
                name: e.target.value,
                id: slugOf(e.target.value, 40),
              })
            }
            error={error?.fieldError("name")}
          />
          <TextInput
            label={t("vendors.id")}
            hint={t("vendors.idHint")}
            value={form.id}
            onChange={(e) => setForm({ ...form, id: e.target.value })}
            error={error?.fieldError("id") ?? (error?.code === "vendor-exists" ? error.message : undefined)}
          />
          <TextInput
            label={t("vendors.email")}
            hint={t("vendors.emailHint")}
            type="email"
            value={form.email}
            onChange={(e) => setForm({ ...form, email: e.target.value })}
            error={error?.fieldError("email") ?? (error?.code === "user-exists" ? error.message : undefined)}
          />
        </ActionForm>
      </Card>
      <div className="mt-6">
        <Card>
          <Loaded
            query={vendors}
            loading={t("vendors.loading")}
            empty={<Empty title={t("vendors.none")}>{t("vendors.noneText")}</Empty>}
          >
            {(list) => (
              <Table
                caption={t("console.vendors")}
                head={[
                  t("common.name"),
                  t("vendors.email"),
                  t("vendors.keys"),
                  t("console.plugins"),
                  t("vendors.since"),
                ]}
              >
                {list.map((v) => (
                  <tr key={v.id} data-testid={`vendor-${v.id}`}>
                    <td className="px-3 py-2">
                      <span className="font-medium">{v.name}</span>
                      <span className="ml-2 font-mono text-xs text-slate-600">{v.id}</span>
                    </td>
                    <td className="px-3 py-2">{v.email}</td>
                    <td className="px-3 py-2">{v.keys.length}</td>
                    <td className="px-3 py-2 font-mono text-xs">{v.plugins.join(", ") || "—"}</td>
                    <td className="px-3 py-2">{formatDate(v.createdAt)}</td>
                  </tr>
                ))}
              </Table>
            )}
          </Loaded>
        </Card>
      </div>
    </>
  );
}
