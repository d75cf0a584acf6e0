import { i18n } from "./i18n";
import type * as Schemas from "./api-types.gen";

/**
 * Calls to the platform's API (`/api/v1`). Failures arrive as RFC 9457 problem documents and are
 * thrown as {@link ApiError}, which keeps the problem's stable type, its message for people and the
 * fields it names.
 */
export type FieldError = Schemas.FieldError;

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly type: string,
    readonly title: string,
    readonly detail: string,
    readonly errors: FieldError[] = [],
  ) {
    super(detail || title);
  }

  /** The problem type's last segment, e.g. `workspace-slug-taken`. */
  get code(): string {
    return this.type.substring(this.type.lastIndexOf("/") + 1);
  }

  fieldError(field: string): string | undefined {
    return this.errors.find((e) => e.field === field)?.message;
  }
}

export type TokenSource = () => Promise<string>;

export interface RequestOptions {
  method?: string;
  body?: unknown;
  /** Sent as is (a file), with its own content type. */
  raw?: Blob;
  workspaceId?: string;
  query?: Record<string, string | number | boolean | undefined>;
  /** With `raw`: told how much of the body is sent, 0 to 1 (fetch cannot say; XHR can). */
  onProgress?: (fraction: number) => void;
}

/** Sends a body with XMLHttpRequest, whose upload events tell how far it got. */
function sendWithProgress(
  url: URL,
  method: string,
  headers: Record<string, string>,
  body: Blob,
  onProgress: (fraction: number) => void,
): Promise<Response> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open(method, url);
    for (const [name, value] of Object.entries(headers)) xhr.setRequestHeader(name, value);
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(e.loaded / e.total);
    xhr.onload = () => {
      const answer = new Headers();
      for (const line of xhr.getAllResponseHeaders().trim().split(/\r?\n/)) {
        const at = line.indexOf(":");
        if (at > 0) answer.append(line.slice(0, at).trim(), line.slice(at + 1).trim());
      }
      resolve(new Response(xhr.status === 204 ? null : xhr.responseText, { status: xhr.status, headers: answer }));
    };
    xhr.onerror = () => reject(new TypeError(i18n.t("common.uploadLost")));
    xhr.send(body);
  });
}

export interface Api {
  <T>(path: string, options?: RequestOptions): Promise<T>;
}

/**
 * The API as a user. `onProblem` sees every refusal first: an app uses it for states that concern
 * the whole session (the organization suspended), not one page.
 */
export function createApi(token: TokenSource, onProblem: (problem: ApiError) => void = () => {}): Api {
  return async function call<T>(path: string, options: RequestOptions = {}): Promise<T> {
    const url = new URL("/api/v1" + path, window.location.origin);
    for (const [name, value] of Object.entries(options.query ?? {})) {
      if (value !== undefined && value !== "") {
        url.searchParams.set(name, String(value));
      }
    }
    const headers: Record<string, string> = {
      Accept: "application/json, application/problem+json",
      Authorization: `Bearer ${await token()}`,
    };
    if (options.workspaceId) {
      headers["X-Workspace-ID"] = options.workspaceId;
    }
    let body: BodyInit | undefined;
    if (options.raw) {
      body = options.raw;
      headers["Content-Type"] = options.raw.type || "application/octet-stream";
    } else if (options.body !== undefined) {
      body = JSON.stringify(options.body);
      headers["Content-Type"] = options.method === "PATCH" ? "application/merge-patch+json" : "application/json";
    }
    const method = options.method ?? "GET";
    const response =
      options.raw && options.onProgress
        ? await sendWithProgress(url, method, headers, options.raw, options.onProgress)
        : await fetch(url, { method, headers, body });
    if (!response.ok) {
      const problem = await problemOf(response);
      onProblem(problem);
      throw problem;
    }
    if (response.status === 204 || response.headers.get("Content-Length") === "0") {
      return undefined as T;
    }
    return (await response.json()) as T;
  };
}

/** Calls that need no login (`/web-config`). */
export async function publicGet<T>(path: string): Promise<T> {
  const response = await fetch("/api/v1" + path, { headers: { Accept: "application/json" } });
  if (!response.ok) {
    throw await problemOf(response);
  }
  return (await response.json()) as T;
}

async function problemOf(response: Response): Promise<ApiError> {
  const type = response.headers.get("Content-Type") ?? "";
  if (type.includes("json")) {
    try {
      const problem = await response.json();
      return new ApiError(
        response.status,
        problem.type ?? "about:blank",
        problem.title ?? response.statusText,
        problem.detail ?? "",
        Array.isArray(problem.errors) ? problem.errors : [],
      );
    } catch {
      // fall through: not the JSON it claimed to be
    }
  }
  return new ApiError(
    response.status,
    "about:blank",
    response.statusText || i18n.t("common.requestFailed"),
    i18n.t("common.serverAnswered", { status: response.status }),
  );
}

/** A page of results as the list endpoints return it. */
export interface Page<T> {
  items: T[];
  page: number;
  size: number;
  total: number;
}
