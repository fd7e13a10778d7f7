/**
 * Brug's additions to LSP: command names, the custom request for the status bar, and the
 * shapes the VS Code client renders. The client does not import this file (it talks to the
 * server only through the protocol); it mirrors these names and shapes.
 */
import { NotificationType, RequestType } from 'vscode-languageserver/node';
import type { ConfigEdit, Language, Metrics, SectionRole, Severity } from '../engine/types.js';

export const Commands = {
  /** Check every supported file in the workspace folders (with progress; cancellable). */
  checkWorkspace: 'brug.checkWorkspace',
  /** The data of the report view for one document: arguments [uri] or [{ uri }]. */
  report: 'brug.report',
  /** Switch Brug off or on for one document: arguments [uri] or [{ uri, enabled? }]. */
  toggleDocument: 'brug.toggleDocument',
  /** Used by code actions: change .brug.yml. Arguments [{ uri, edit }]. */
  applyConfigEdit: 'brug.applyConfigEdit',
} as const;

export const FIX_ALL_KIND = 'source.fixAll.brug';

/** Languages (LSP language ids) Brug checks; the file extension decides for any other id. */
export const LANGUAGE_IDS = ['markdown', 'plaintext', 'latex', 'quarto', 'rmd'] as const;
export const FILE_EXTENSIONS = ['.md', '.markdown', '.qmd', '.rmd', '.txt', '.tex'] as const;

export interface DocumentStatusParams {
  uri: string;
}

export interface DocumentStatus {
  uri: string;
  /** False when Brug is switched off for this document or for all (brug.enable). */
  enabled: boolean;
  /** Why there is no score: switched off, larger than brug.maxDocumentSize, not a supported file, not checked yet. */
  skipped?: 'disabled' | 'too-large' | 'unsupported' | 'pending' | 'timed-out';
  /** The document version this status describes (its check is done: diagnostics were sent if they changed). */
  version?: number;
  language?: Language;
  /** Flesch-Douma (nl) or Flesch Reading Ease (en) of the whole document. */
  score?: number;
  /** The score's band in the message language. */
  band?: string;
  /** Client perspective verdict, when that analysis ran. */
  verdict?: 'present' | 'partial' | 'absent' | 'not-applicable';
  findings?: number;
  /** Practice-fit count: insights found (present or partial) of those that apply. */
  practice?: { found: number; applicable: number };
}

/** brug/documentStatus: the status bar's data for a document. */
export const DocumentStatusRequest = new RequestType<DocumentStatusParams, DocumentStatus, void>('brug/documentStatus');

/** Sent after each check of an open document, so a status bar can follow without polling. */
export const DocumentStatusNotification = new NotificationType<DocumentStatus>('brug/documentStatusChanged');

export interface ReportSection {
  title: string;
  level: number;
  role: SectionRole;
  /** 1-based line of the heading. */
  line: number;
  language: Language;
  metrics: Metrics;
  band: string;
  /** Client mentions in this section, when the client-perspective analysis gives them. */
  clientMentions?: number;
}

export interface ReportFinding {
  message: string;
  severity: Severity;
  /** 0-based LSP range. */
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
}

export interface ReportRule {
  ruleId: string;
  description: string;
  docs: string;
  count: number;
  findings: ReportFinding[];
}

export interface ReportData {
  uri: string;
  language: Language;
  format: string;
  /** Language of every text in this report. */
  messages: Language;
  metrics: Metrics;
  band: string;
  scoreName: string;
  sections: ReportSection[];
  rules: ReportRule[];
  findings: number;
  /** The client-perspective analysis as the engine gives it, when it ran. */
  clientPerspective?: unknown;
}

export interface ApplyConfigEditArgs {
  /** The document the action came from (decides which .brug.yml). */
  uri: string;
  edit: ConfigEdit;
}
