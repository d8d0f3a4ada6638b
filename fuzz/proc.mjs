// A process's memory and CPU from Linux's /proc, for the memory bench, the memory tests and the
// fuzz campaign's server target. Null where /proc is not there (the callers then skip the check).
import { readFileSync } from 'node:fs';

/** VmHWM (peak RSS) or VmRSS of process `pid`, in MB. */
export function procStatusMb(pid, field) {
  try {
    const kb = Number(new RegExp(`${field}:\\s+(\\d+)`).exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]);
    return Number.isFinite(kb) ? kb / 1024 : null;
  } catch {
    return null;
  }
}

/** The CPU time of process `pid` so far (user + system, all its threads), in ms. */
export function procCpuMs(pid) {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // utime, stime in clock ticks of 1/100 s
  } catch {
    return null;
  }
}
