// Export buttons; the extension does the copying and saving.
import { el } from '../dom';

export type ExportAction = 'copyMarkdown' | 'saveJson' | 'saveCsv';

const BUTTONS: readonly [ExportAction, string][] = [
  ['copyMarkdown', 'Copy as Markdown'],
  ['saveJson', 'Save JSON'],
  ['saveCsv', 'Save CSV'],
];

export function toolbar(enabled: boolean, run: (action: ExportAction) => void): HTMLElement {
  return el(
    'div',
    { className: 'toolbar', attrs: { role: 'toolbar', 'aria-label': 'Export the forecast' } },
    BUTTONS.map(([action, text]) => {
      const button = el('button', { attrs: { type: 'button' } }, [text]);
      button.dataset.key = `export-${action}`;
      button.dataset.action = action;
      button.disabled = !enabled;
      button.addEventListener('click', () => run(action));
      return button;
    }),
  );
}
