import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import {
  Button,
  Card,
  ConfirmDialog,
  Done,
  Empty,
  Failed,
  Loaded,
  Table,
  UploadButton,
  useConfirmation,
} from "../../shared/ui";
import { useApi } from "../context";
import type * as Schemas from "../../shared/api-types.gen";

type PluginLibrary = Schemas.PluginLibrary;

const librariesKey = ["plugin-libraries"] as const;

/**
 * Library bundles beside the registry: what each exports and which plugins are wired to it; add a
 * jar from Maven Central, remove one nothing uses (the platform refuses otherwise, naming them).
 */
export function Libraries() {
  const api = useApi();
  const { t } = useTranslation();
  const queries = useQueryClient();
  const libraries = useQuery({
    queryKey: librariesKey,
    queryFn: () => api<PluginLibrary[]>("/admin/plugin-libraries"),
  });
  const refresh = () => void queries.invalidateQueries({ queryKey: librariesKey });
  const add = useMutation({
    mutationFn: (file: File) =>
      api<PluginLibrary>("/admin/plugin-libraries", {
        method: "POST",
        raw: new Blob([file], { type: "application/java-archive" }),
      }),
    onSettled: refresh,
  });
  const remove = useConfirmation(
    (library: PluginLibrary) =>
      api(
        `/admin/plugin-libraries/${encodeURIComponent(library.symbolicName)}/${encodeURIComponent(library.version)}`,
        { method: "DELETE" },
      ),
    refresh,
  );
  return (
    <Card
      title={t("libraries.title")}
      actions={
        <UploadButton
          label={t("libraries.add")}
          inputLabel={t("libraries.jarToAdd")}
          accept=".jar,application/java-archive"
          busy={add.isPending}
          onFile={(file) => add.mutate(file)}
        />
      }
    >
      <p className="mb-3 text-sm text-slate-600">{t("libraries.subtitle")}</p>
      <Failed actions={[add]} />
      {add.isSuccess && <Done>{t("libraries.added", { name: add.data.symbolicName, version: add.data.version })}</Done>}
      <Loaded
        query={libraries}
        loading={t("libraries.loading")}
        empty={<Empty title={t("libraries.none")}>{t("libraries.noneText")}</Empty>}
      >
        {(list) => (
          <Table
            caption={t("libraries.caption")}
            head={[t("libraries.library"), t("registry.version"), t("libraries.exports"), t("libraries.usedBy"), ""]}
          >
            {list.map((library) => (
              <tr key={`${library.symbolicName}@${library.version}`} data-testid={`library-${library.symbolicName}`}>
                <td className="px-3 py-2 font-mono text-xs">{library.symbolicName}</td>
                <td className="px-3 py-2">{library.version}</td>
                <td className="px-3 py-2">{library.exports.length}</td>
                <td className="px-3 py-2">
                  {library.usedBy.length === 0
                    ? t("libraries.unused")
                    : library.usedBy.map((u) => `${u.id} ${u.version}`).join(", ")}
                </td>
                <td className="px-3 py-2 text-right">
                  <Button variant="secondary" onClick={() => remove.ask(library)}>
                    {t("common.delete")}
                  </Button>
                </td>
              </tr>
            ))}
          </Table>
        )}
      </Loaded>
      <ConfirmDialog
        {...remove.dialog}
        title={t("libraries.removeTitle")}
        message={t("libraries.removeText", { name: remove.target?.symbolicName, version: remove.target?.version })}
        confirm={t("common.delete")}
      />
    </Card>
  );
}
