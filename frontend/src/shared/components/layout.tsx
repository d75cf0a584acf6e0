// The frame of a screen's content: cards, its header, tables and their pages.
import {
  Children,
  cloneElement,
  isValidElement,
  useState,
  type ChangeEvent,
  type ReactElement,
  type ReactNode,
} from "react";
import { useTranslation } from "react-i18next";
import { formatNumber } from "../i18n";
import { Button } from "./buttons";

export function Card({ title, actions, children }: { title?: string; actions?: ReactNode; children: ReactNode }) {
  return (
    <section className="rounded-lg border border-slate-200 bg-white shadow-sm">
      {(title || actions) && (
        <header className="flex items-center justify-between gap-4 border-b border-slate-200 px-4 py-3">
          {title && <h2 className="text-base font-semibold text-slate-900">{title}</h2>}
          {actions}
        </header>
      )}
      <div className="p-4">{children}</div>
    </section>
  );
}

export function PageHeader({ title, actions, children }: { title: string; actions?: ReactNode; children?: ReactNode }) {
  return (
    <div className="mb-6 flex flex-wrap items-start justify-between gap-4">
      <div>
        <h1 className="text-2xl font-semibold text-slate-900">{title}</h1>
        {children && <p className="mt-1 text-sm text-slate-600">{children}</p>}
      </div>
      {actions && <div className="flex flex-wrap gap-2">{actions}</div>}
    </div>
  );
}

/**
 * A table that stays readable at phone width: below the `sm` breakpoint each row becomes a card
 * whose cells carry their column's name, instead of a table to scroll sideways.
 */
export function Table({ caption, head, children }: { caption: string; head: string[]; children: ReactNode }) {
  const rows = Children.map(children, (row) =>
    isValidElement<{ children?: ReactNode }>(row)
      ? cloneElement(
          row,
          undefined,
          Children.map(row.props.children, (cell, i) =>
            isValidElement(cell) && head[i]
              ? cloneElement(cell as ReactElement<{ "data-label"?: string }>, { "data-label": head[i] })
              : cell,
          ),
        )
      : row,
  );
  return (
    <div className="sm:overflow-x-auto">
      <table className="min-w-full text-left text-sm max-sm:block sm:divide-y sm:divide-slate-200">
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-slate-50 max-sm:sr-only">
          <tr>
            {head.map((h) => (
              <th key={h} scope="col" className="px-3 py-2 font-semibold text-slate-700">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100 max-sm:block max-sm:[&>tr]:block max-sm:[&>tr]:py-2 max-sm:[&_td]:flex max-sm:[&_td]:flex-wrap max-sm:[&_td]:gap-x-2 max-sm:[&_td]:break-words max-sm:[&_td]:py-1 max-sm:[&_td[data-label]:not(:empty)]:before:font-medium max-sm:[&_td[data-label]:not(:empty)]:before:text-slate-600 max-sm:[&_td[data-label]:not(:empty)]:before:content-[attr(data-label)]">
          {rows}
        </tbody>
      </table>
    </div>
  );
}

export function Pager({
  page,
  size,
  total,
  onPage,
}: {
  page: number;
  size: number;
  total: number;
  onPage: (page: number) => void;
}) {
  const { t } = useTranslation();
  const pages = Math.max(1, Math.ceil(total / size));
  return (
    <nav aria-label={t("common.pages")} className="mt-4 flex items-center justify-between text-sm text-slate-700">
      <span>{t("common.pageOf", { total: formatNumber(total), page: page + 1, pages })}</span>
      <div className="flex gap-2">
        <Button variant="secondary" disabled={page === 0} onClick={() => onPage(page - 1)}>
          {t("common.previous")}
        </Button>
        <Button variant="secondary" disabled={page + 1 >= pages} onClick={() => onPage(page + 1)}>
          {t("common.next")}
        </Button>
      </div>
    </nav>
  );
}

/** A list's page and the filters that choose it: changing a filter goes back to the first page. */
export function usePaging() {
  const [page, setPage] = useState(0);
  const filter = (set: (value: string) => void) => (event: ChangeEvent<HTMLInputElement | HTMLSelectElement>) => {
    set(event.target.value);
    setPage(0);
  };
  return { page, setPage, filter };
}
