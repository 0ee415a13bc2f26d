import { readFileSync } from 'node:fs';

/**
 * This process's own peak resident memory in MB. getrusage's maxRSS is carried across execve on Linux, so
 * a child the bench spawns starts with its parent's resident size as its "peak" (a 1.9 GB bench process
 * made a 290 MB export read 937 MB). The kernel's high-water mark of the process's own address space
 * (VmHWM in /proc/self/status, reset by execve) is the child's real peak; maxRSS where /proc is missing.
 */
export function peakRssMb(): number {
  try {
    const hwm = /^VmHWM:\s+(\d+)\s+kB/m.exec(readFileSync('/proc/self/status', 'utf8'));
    if (hwm) return Number(hwm[1]) / 1024;
  } catch {
    // not Linux: fall through
  }
  return process.resourceUsage().maxRSS / 1024;
}
