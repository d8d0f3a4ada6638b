// Types of largeFiles.mjs for the TypeScript that imports it.
export function factorsFile(chars: number, withOutcome?: boolean): string;
export function emptyDeclarationsFile(chars: number): string;
export function realisticFile(lines: number, maxChars?: number): string;
export function nameDigitAt(text: string, at: number): number;
