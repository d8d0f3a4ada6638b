// Copies a piece of syntax tree with every span moved by `offset`. Cached chunk results are
// relative to their chunk and shared; documents get their own copies, so a consumer that
// mutates its tree cannot corrupt the cache.
//
// Spans are found by field name (ast.ts's convention): `span`, `skipped` and every `…Span`.
// This runs for every declaration of a file on each parse, so it avoids reflection helpers.

function isSpanKey(key: string): boolean {
  return key === 'span' || key === 'skipped' || key.endsWith('Span');
}

export function shifted<T>(value: T, offset: number): T {
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) {
    const out = new Array(value.length);
    for (let i = 0; i < value.length; i++) out[i] = shifted(value[i], offset);
    return out as T;
  }
  const out: Record<string, unknown> = {};
  const source = value as Record<string, unknown>;
  for (const key in source) {
    const field = source[key];
    if (typeof field !== 'object' || field === null) out[key] = field;
    else if (isSpanKey(key)) {
      const span = field as { start: number; end: number };
      out[key] = { start: span.start + offset, end: span.end + offset };
    } else out[key] = shifted(field, offset);
  }
  return out as T;
}
