/**
 * What the client knows of Brug's server: the languages it checks, its commands and its one
 * custom request. The client imports nothing from server/; this file is the whole contract.
 */

/**
 * The environment the server is started with, beside the editor's own (an entry the editor's environment already sets
 * is left as it is). The C library's allocator (glibc, on Linux) gives each thread that allocates an arena of its own,
 * up to eight per core, and keeps what V8's helper threads (compilers, the collector's workers) free in them; it gives
 * back what is free at an arena's top past 128 KB only until a large block is freed, and then past twice that block's
 * size (up to 64 MB). Two arenas and a fixed bound keep the server's resident memory close to what its heap holds:
 * after 300 edits of the Dutch dev reports as one document 176–182 → 146–156 MB, the footnoted thesis 133–145 → 127–128
 * MB, with the same time per edit (bench/RESULTS.md, session 30). Other C libraries and systems ignore both variables.
 */
export const SERVER_ENVIRONMENT: Readonly<Record<string, string>> = Object.freeze({
  MALLOC_ARENA_MAX: '2',
  MALLOC_TRIM_THRESHOLD_: '131072',
});

/** `env` with SERVER_ENVIRONMENT's entries that `env` does not set itself. */
export function serverEnvironment(env: Record<string, string | undefined>): Record<string, string | undefined> {
  const out = { ...env };
  for (const [key, value] of Object.entries(SERVER_ENVIRONMENT)) if (out[key] === undefined) out[key] = value;
  return out;
}

/** VS Code language ids that Brug checks. */
export const LANGUAGE_IDS = ['markdown', 'plaintext', 'latex', 'quarto', 'rmd'] as const;

/**
 * URI schemes of documents Brug checks: files, unsaved documents, and documents of virtual
 * workspaces (vscode-vfs: GitHub and Azure Repos). The server only needs the text, which VS Code sends.
 */
export const SCHEMES = ['file', 'untitled', 'vscode-vfs'] as const;

/** Commands the server executes (workspace/executeCommand). The client calls them; it never registers these ids itself. */
export const ServerCommands = {
  checkWorkspace: 'brug.checkWorkspace',
  report: 'brug.report',
  toggleDocument: 'brug.toggleDocument',
} as const;

/** Commands the client contributes (package.json). Kept apart from the server's ids, which vscode-languageclient registers on its own. */
export const ClientCommands = {
  showReport: 'brug.showReport',
  toggleForDocument: 'brug.toggleForDocument',
  checkWorkspace: 'brug.checkWorkspaceFiles',
} as const;

export const DocumentStatusRequest = 'brug/documentStatus';

export interface DocumentStatus {
  language?: string;
  score?: number;
  band?: { nl?: string; en?: string } | string;
  verdict?: unknown;
  /** Practice-fit count: insights found of those that apply. */
  practice?: { found: number; applicable: number };
  /** Optional: the server may say a document is switched off or too large. */
  enabled?: boolean;
  disabled?: boolean;
  tooLarge?: boolean;
  /** Why there is no score. */
  skipped?: 'disabled' | 'too-large' | 'unsupported' | 'pending' | string;
  findings?: number;
}

/** Sent by the server after each check of an open document. */
export const DocumentStatusNotification = 'brug/documentStatusChanged';

export function isSupportedLanguage(languageId: string): boolean {
  return (LANGUAGE_IDS as readonly string[]).includes(languageId);
}

export function isSupportedScheme(scheme: string): boolean {
  return (SCHEMES as readonly string[]).includes(scheme);
}
