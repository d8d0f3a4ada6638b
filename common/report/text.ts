// The report for a terminal: an aligned table (outcome, probability with a bar, band, phrase,
// judged call, top drivers by swing), the key judgments, the most probable worlds and each alternative with its
// change from the baseline. Colour only when asked (the caller checks TTY and NO_COLOR); text from
// the file never carries a control or bidirectional character to the terminal.
import { replaceControls } from '../text/controls';
import { displayWidth, padEnd, padStart, truncate } from '../text/terminal';
import type { Report, ReportOutcome, ReportWorld } from './report';

/** Signposts and linchpins the terminal shows per outcome (the JSON has them all). */
const SIGNPOSTS_SHOWN = 3;

export interface TextOptions {
  color: boolean;
  /** Cells of the probability bar. */
  barWidth?: number;
  /** Most probable worlds to list. */
  worlds?: number;
  /** Print how long the forecast took (off for reproducible output). */
  timing: boolean;
}

type Paint = (code: string, text: string) => string;

const STYLE = { bold: '1', dim: '2', red: '31', green: '32', yellow: '33', cyan: '36' } as const;

/** A bar of `width` cells filled to p: full blocks, then one partial block, then light shade. */
export function bar(p: number, width: number): string {
  const eighths = Math.round(Math.min(1, Math.max(0, p)) * width * 8);
  const full = Math.floor(eighths / 8);
  const partial = eighths % 8;
  const blocks = ['', '▏', '▎', '▍', '▌', '▋', '▊', '▉'];
  const filled = '█'.repeat(full) + blocks[partial]!;
  return filled + '░'.repeat(width - full - (partial > 0 ? 1 : 0));
}

interface Column {
  title: string;
  align: 'left' | 'right';
  cells: string[];
  /** Colour per cell, applied after padding so widths stay right. */
  paint?: (row: number, padded: string) => string;
}

function renderTable(columns: Column[], paint: Paint): string[] {
  const widths = columns.map((c) => Math.max(displayWidth(c.title), ...c.cells.map(displayWidth)));
  const line = (cells: string[], painter?: (i: number, s: string) => string) =>
    cells.map((cell, i) => {
      const padded = columns[i]!.align === 'right' ? padStart(cell, widths[i]!) : padEnd(cell, widths[i]!);
      return painter ? painter(i, padded) : padded;
    }).join('  ').trimEnd();
  const rows = columns[0]!.cells.map((_, r) =>
    line(columns.map((c) => c.cells[r]!), (i, s) => columns[i]!.paint?.(r, s) ?? s));
  return [paint(STYLE.bold, line(columns.map((c) => c.title))), ...rows];
}

function outcomeColumns(outcomes: ReportOutcome[], paint: Paint, barWidth: number, withDelta: boolean): Column[] {
  // The probability cell is "  63% ████…": the number right-aligned in five columns, then the bar.
  const numberWidth = Math.max(5, ...outcomes.map((o) => displayWidth(o.probability.text)));
  const columns: Column[] = [
    { title: 'Outcome', align: 'left', cells: outcomes.map((o) => replaceControls(o.name)) },
    {
      title: 'Label', align: 'left', cells: outcomes.map((o) => truncate(replaceControls(o.label), 36)),
      paint: (_, s) => paint(STYLE.dim, s),
    },
    {
      title: 'Probability', align: 'left',
      cells: outcomes.map((o) => `${padStart(o.probability.text, numberWidth)} ${bar(o.probability.value, barWidth)}`),
      paint: (_, s) => `${s.slice(0, numberWidth + 1)}${paint(STYLE.cyan, s.slice(numberWidth + 1))}`,
    },
    { title: 'Band', align: 'right', cells: outcomes.map((o) => o.bandText) },
  ];
  if (withDelta) {
    columns.push({
      title: 'Δ pts', align: 'right', cells: outcomes.map((o) => o.delta?.text ?? ''),
      paint: (r, s) => {
        const sign = outcomes[r]!.delta?.sign ?? 0;
        return sign === 0 ? s : paint(sign > 0 ? STYLE.green : STYLE.red, s);
      },
    });
  }
  columns.push(
    { title: 'Phrase', align: 'left', cells: outcomes.map((o) => o.phraseText) },
    {
      title: 'Judged', align: 'left', cells: outcomes.map((o) => replaceControls(o.judged?.summary ?? '')),
      paint: (r, s) => {
        const judged = outcomes[r]!.judged;
        return !judged ? s : paint(!judged.checked ? STYLE.dim : judged.contradicted ? STYLE.yellow : STYLE.green, s);
      },
    },
    { title: 'Top drivers (swing, pts)', align: 'left', cells: outcomes.map((o) => replaceControls(o.topDrivers)) },
  );
  return columns;
}

function worldLines(worlds: ReportWorld[], count: number): string[] {
  return worlds.slice(0, count).map((w) => `  ${padStart(w.probability.text, 6)}  ${replaceControls(w.text)}`);
}

export function renderText(report: Report, options: TextOptions): string {
  const paint: Paint = options.color ? (code, text) => `\u001b[${code}m${text}\u001b[0m` : (_, text) => text;
  const barWidth = options.barWidth ?? 20;
  const worldCount = options.worlds ?? 5;
  const lines: string[] = [];
  lines.push(`${paint(STYLE.bold, replaceControls(report.title))}  ${paint(STYLE.dim, `(${report.method.line})`)}`);
  if (report.question) lines.push(replaceControls(report.question));
  if (report.horizon) lines.push(paint(STYLE.dim, `Horizon ${replaceControls(report.horizon.text)}`));
  lines.push('');
  if (report.outcomes.length === 0) lines.push('No outcomes to forecast.');
  else lines.push(...renderTable(outcomeColumns(report.outcomes, paint, barWidth, false), paint));
  if (report.keyJudgments.length > 0) {
    lines.push('', paint(STYLE.bold, 'Key judgments'), ...report.keyJudgments.map((k) => `  • ${replaceControls(k.text)}`));
  }
  const watched = report.outcomes.filter((o) => o.signposts.length > 0);
  if (watched.length > 0) {
    lines.push('', paint(STYLE.bold, 'What to watch (the signposts that would move each outcome most)'));
    for (const o of watched) {
      lines.push(`  ${o.name}: ${o.signposts.slice(0, SIGNPOSTS_SHOWN).map((s) => s.text).join('; ')}`);
    }
  }
  const pinned = report.outcomes.filter((o) => o.linchpins.length > 0);
  if (pinned.length > 0) {
    lines.push('', paint(STYLE.bold, 'Linchpins (the assumptions whose change would flip the phrase)'));
    for (const o of pinned) {
      lines.push(`  ${o.name} stays ${o.phrase} while ${o.linchpins.slice(0, SIGNPOSTS_SHOWN).map((l) => l.condition).join(' and ')}`);
    }
  }
  if (report.worlds.list.length > 0) {
    lines.push('', paint(STYLE.bold, 'Most probable worlds (outcomes that hold)'), ...worldLines(report.worlds.list, worldCount));
  }
  for (const alternative of report.alternatives) {
    lines.push('', paint(STYLE.bold, `Alternative "${replaceControls(alternative.name)}"`));
    if (alternative.assumptionsText) lines.push(paint(STYLE.dim, replaceControls(alternative.assumptionsText)));
    if (alternative.evidence) lines.push(paint(STYLE.dim, `${alternative.evidence.text}.`));
    if (alternative.outcomes.length > 0) lines.push(...renderTable(outcomeColumns(alternative.outcomes, paint, barWidth, true), paint));
  }
  if (options.timing && Number.isFinite(report.elapsed.ms)) {
    lines.push('', paint(STYLE.dim, `Computed in ${report.elapsed.text}.`));
  }
  return `${lines.join('\n')}\n`;
}
