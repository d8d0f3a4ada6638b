// The page follows VS Code's theme: colours come from the --vscode-* variables VS Code sets on the
// page, read at render time (the fallbacks only matter outside VS Code, e.g. in tests).

export type ThemeKind = 'light' | 'dark' | 'high-contrast' | 'high-contrast-light';

export interface ThemeColours {
  kind: ThemeKind;
  foreground: string;
  muted: string;
  grid: string;
  /** Bars for a driver that raises the outcome, and for probabilities. */
  positive: string;
  /** Bars for a driver that lowers the outcome. */
  negative: string;
  /** The band whiskers. */
  whisker: string;
  /** Bar outlines in high contrast themes (empty otherwise). */
  outline: string;
  fontFamily: string;
  fontSize: number;
}

/** The theme kind from the classes VS Code puts on <body>. */
export function themeKindOf(body: HTMLElement): ThemeKind {
  const c = body.classList;
  if (c.contains('vscode-high-contrast-light')) return 'high-contrast-light';
  if (c.contains('vscode-high-contrast')) return 'high-contrast';
  if (c.contains('vscode-light')) return 'light';
  return 'dark';
}

export function readTheme(body: HTMLElement = document.body): ThemeColours {
  const style = getComputedStyle(body);
  const v = (name: string, fallback: string) => style.getPropertyValue(name).trim() || fallback;
  const kind = themeKindOf(body);
  const highContrast = kind === 'high-contrast' || kind === 'high-contrast-light';
  const foreground = v('--vscode-editor-foreground', kind.endsWith('light') ? '#333333' : '#cccccc');
  const fontSize = Number.parseFloat(v('--vscode-font-size', '13'));
  return {
    kind,
    foreground,
    muted: v('--vscode-descriptionForeground', foreground),
    grid: v('--vscode-editorWidget-border', v('--vscode-panel-border', '#80808059')),
    positive: v('--vscode-charts-blue', '#3794ff'),
    negative: v('--vscode-charts-red', '#f14c4c'),
    whisker: foreground,
    outline: highContrast ? v('--vscode-contrastBorder', foreground) : '',
    fontFamily: v('--vscode-font-family', 'system-ui, sans-serif'),
    fontSize: Number.isFinite(fontSize) && fontSize > 0 ? fontSize : 13,
  };
}
