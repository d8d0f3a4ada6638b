// Signed percentage points as tables show them ("+21.3", "−4.7", "0.0"), shared by the CLI's
// formats and the preview's export so the same forecast reads the same everywhere.
export function signedPoints(points: number): string {
  const rounded = Math.round(points * 10) / 10;
  if (rounded === 0) return '0.0';
  return `${rounded > 0 ? '+' : '−'}${Math.abs(rounded).toFixed(1)}`;
}
