/** Collects what `--fix` changed in each file and prints it once the run is done. */
import type { Language } from '../engine/types.js';
import { changesBetween, fixReportLines, fixSummaryLine, unifiedDiff } from './fix-report.js';

export class FixSession {
  private readonly lines: string[] = [];
  private readonly diffs: string[] = [];
  private files = 0;
  private fixes = 0;
  private suggestions = 0;
  private ui: Language | undefined;

  constructor(readonly dryRun: boolean) {}

  /** A file `--fix` looked at: `before` as read, `after` with the safe fixes; true when it must be written. */
  file(path: string, before: string, after: string, ui: Language, suggestions = 0): boolean {
    this.ui ??= ui;
    this.suggestions += suggestions;
    if (before === after) return false;
    const changes = changesBetween(before, after);
    this.files++;
    this.fixes += changes.length;
    this.lines.push(...fixReportLines(path, changes, ui, this.dryRun));
    if (this.dryRun) this.diffs.push(unifiedDiff(path, before, after));
    return !this.dryRun;
  }

  /** The report: the changes (or the diff with --dry-run) and a closing line; never silent. */
  output(): string {
    const ui = this.ui ?? 'en';
    const body = this.dryRun ? this.diffs : this.lines;
    return [...body, fixSummaryLine(this.files, this.fixes, this.suggestions, ui, this.dryRun)].join('\n');
  }
}
