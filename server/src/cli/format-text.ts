// The readable forecast for a terminal: an aligned table (outcome, probability with a bar, band,
// phrase, judged call, top drivers by swing), the most probable worlds and each alternative with
// its change from the baseline. Colour only when asked (the caller checks TTY and NO_COLOR).
import type { Forecast, OutcomeForecast, World } from '../../../common/forecast';
import {
  bandText, displayWidth, judgedText, padEnd, padStart, percent, points, terminalSafe, topDrivers, truncate,
} from './format-common';

export interface TextOptions {
  color: boolean;
  /** Cells of the probability bar. */
  barWidth?: number;
  /** Most probable worlds to list. */
  worlds?: number;
  /** Print how long the forecast took (off for reproducible output). */
  timing?: boolean;
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

export function renderTable(columns: Column[], paint: Paint): string[] {
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

function outcomeColumns(outcomes: OutcomeForecast[], paint: Paint, barWidth: number, withDelta: boolean): Column[] {
  const columns: Column[] = [
    { title: 'Outcome', align: 'left', cells: outcomes.map((o) => terminalSafe(o.name)) },
    {
      title: 'Label', align: 'left', cells: outcomes.map((o) => truncate(terminalSafe(o.label), 36)),
      paint: (_, s) => paint(STYLE.dim, s),
    },
    {
      title: 'Probability', align: 'left',
      cells: outcomes.map((o) => `${padStart(percent(o.probability), 5)} ${bar(o.probability, barWidth)}`),
      paint: (_, s) => `${s.slice(0, 6)}${paint(STYLE.cyan, s.slice(6))}`,
    },
    { title: 'Band', align: 'right', cells: outcomes.map((o) => bandText(o.band)) },
  ];
  if (withDelta) {
    columns.push({
      title: 'Δ pts', align: 'right', cells: outcomes.map((o) => points(o.delta ?? 0)),
      paint: (r, s) => {
        const d = Math.round((outcomes[r]!.delta ?? 0) * 10);
        return d === 0 ? s : paint(d > 0 ? STYLE.green : STYLE.red, s);
      },
    });
  }
  columns.push(
    { title: 'Phrase', align: 'left', cells: outcomes.map((o) => o.phrase) },
    {
      title: 'Judged', align: 'left', cells: outcomes.map((o) => terminalSafe(judgedText(o))),
      paint: (r, s) => {
        const judged = outcomes[r]!.judged;
        return judged ? paint(judged.agrees ? STYLE.green : STYLE.yellow, s) : s;
      },
    },
    { title: 'Top drivers (swing, pts)', align: 'left', cells: outcomes.map((o) => terminalSafe(topDrivers(o.swing))) },
  );
  return columns;
}

function worldLines(worlds: World[], count: number): string[] {
  return worlds.slice(0, count).map((w) => {
    const yes = Object.entries(w.outcomes).filter(([, v]) => v).map(([k]) => k);
    const text = yes.length === 0 ? 'none of the outcomes' : yes.join(', ');
    return `  ${padStart(percent(w.probability), 6)}  ${terminalSafe(text)}`;
  });
}

export function formatText(f: Forecast, options: TextOptions): string {
  const paint: Paint = options.color ? (code, text) => `\u001b[${code}m${text}\u001b[0m` : (_, text) => text;
  const barWidth = options.barWidth ?? 20;
  const worldCount = options.worlds ?? 5;
  const lines: string[] = [];
  const method = f.method === 'exact' ? 'exact' : `Monte Carlo, ${f.samples.toLocaleString('en-US')} samples`;
  lines.push(`${paint(STYLE.bold, terminalSafe(f.title))}  ${paint(STYLE.dim, `(${method}, seed ${f.seed})`)}`);
  if (f.question) lines.push(terminalSafe(f.question));
  if (f.horizon) lines.push(paint(STYLE.dim, `Horizon ${f.horizon.from} to ${f.horizon.to}`));
  lines.push('');
  if (f.outcomes.length === 0) lines.push('No outcomes to forecast.');
  else lines.push(...renderTable(outcomeColumns(f.outcomes, paint, barWidth, false), paint));
  if (f.worlds.length > 0) {
    lines.push('', paint(STYLE.bold, 'Most probable worlds (outcomes that hold)'), ...worldLines(f.worlds, worldCount));
  }
  for (const alternative of f.alternatives) {
    lines.push('', paint(STYLE.bold, `Alternative "${terminalSafe(alternative.name)}"`));
    lines.push(...renderTable(outcomeColumns(alternative.outcomes, paint, barWidth, true), paint));
  }
  if (options.timing !== false && Number.isFinite(f.elapsedMs)) {
    lines.push('', paint(STYLE.dim, `Computed in ${f.elapsedMs} ms.`));
  }
  return `${lines.join('\n')}\n`;
}
