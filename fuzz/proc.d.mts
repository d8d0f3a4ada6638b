// Types of proc.mjs for the TypeScript that imports it.
export function procStatusMb(pid: number, field: 'VmHWM' | 'VmRSS'): number | null;
export function procCpuMs(pid: number): number | null;
