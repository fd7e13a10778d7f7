/**
 * What the client knows of Brug's server: the languages it checks, its commands and its one
 * custom request. The client imports nothing from server/; this file is the whole contract.
 */

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
