/** What the server offers, and what it may use of the client. */
import { CodeActionKind, TextDocumentSyncKind } from 'vscode-languageserver/node';
import type { ClientCapabilities, InitializeParams, ServerCapabilities } from 'vscode-languageserver/node';
import type { Language } from '../engine/types.js';
import { Commands, FIX_ALL_KIND } from './protocol.js';

export interface ClientFeatures {
  configuration: boolean;
  watchedFilesDynamic: boolean;
  configurationChangeDynamic: boolean;
  workspaceFolders: boolean;
  documentChanges: boolean;
  createFiles: boolean;
  workDoneProgress: boolean;
  codeLensRefresh: boolean;
  hoverMarkdown: boolean;
  /** The client can be asked to pull diagnostics again (workspace/diagnostic/refresh). */
  diagnosticRefresh: boolean;
  /** The client's UI language, for messages that belong to no document. */
  locale: Language;
}

export function clientFeatures(params: InitializeParams): ClientFeatures {
  const c: ClientCapabilities = params.capabilities ?? {};
  const hoverFormats = c.textDocument?.hover?.contentFormat;
  return {
    configuration: !!c.workspace?.configuration,
    watchedFilesDynamic: !!c.workspace?.didChangeWatchedFiles?.dynamicRegistration,
    configurationChangeDynamic: !!c.workspace?.didChangeConfiguration?.dynamicRegistration,
    workspaceFolders: !!c.workspace?.workspaceFolders,
    documentChanges: !!c.workspace?.workspaceEdit?.documentChanges,
    createFiles: !!c.workspace?.workspaceEdit?.documentChanges && !!c.workspace?.workspaceEdit?.resourceOperations?.includes('create'),
    workDoneProgress: !!c.window?.workDoneProgress,
    codeLensRefresh: !!c.workspace?.codeLens?.refreshSupport,
    // A client that names no formats gets plain text, the one every client can show.
    hoverMarkdown: !!hoverFormats?.includes('markdown'),
    diagnosticRefresh: !!c.workspace?.diagnostics?.refreshSupport,
    locale: /^nl\b/i.test(params.locale ?? '') ? 'nl' : 'en',
  };
}

export function serverCapabilities(features: ClientFeatures): ServerCapabilities {
  const caps: ServerCapabilities = {
    textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: false },
    hoverProvider: true,
    // Completion in .brug.yml (keys, values, rule ids); reports themselves get none.
    completionProvider: { triggerCharacters: [' ', ':'] },
    codeLensProvider: { resolveProvider: false },
    codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND], resolveProvider: false },
    executeCommandProvider: { commands: [Commands.checkWorkspace, Commands.report, Commands.toggleDocument, Commands.applyConfigEdit] },
  };
  if (features.workspaceFolders) caps.workspace = { workspaceFolders: { supported: true, changeNotifications: true } };
  return caps;
}
