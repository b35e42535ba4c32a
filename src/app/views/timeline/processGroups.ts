/**
 * Timeline lanes grouped by process: one group per process with the CPUs only it uses (its
 * application CPUs and the Linux CPUs that serve only it), a group per set of processes sharing
 * CPUs (the syscall CPUs and proxy CPUs several processes' calls go to: one CPU, one lane, so it
 * is never claimed by one of them), then the CPUs no job process uses. Within a group, lanes keep
 * the partition order (Linux, syscall CPUs, LWK; SMT siblings side by side). Pure, so it is testable.
 */
import type { NodeConfig } from '../../../engine/config/nodeConfig';
import type { ProcessCpus } from '../../../engine/node/jobCpus';
import { timelineGroups, type LaneGroup } from './lanes';
import { processNames } from '../../processNames';

/** Process groups beyond this many are merged into one (a replay can have hundreds of processes). */
export const MAX_PROCESS_GROUPS = 16;
/** Groups of shared CPUs beyond this many are merged into one. */
export const MAX_SHARED_GROUPS = 6;
export const NO_PROCESS_TITLE = 'No job process';

/** "pid 1000, 1001" (or "pid 1000–1009, 10 processes" for many); `show` names a pid as the page does (a replay's traced pid). */
export function pidList(pids: readonly number[], show: (pid: number) => string = String): string {
  if (pids.length <= 3) return `pid ${pids.map(show).join(', ')}`;
  return `pid ${show(pids[0])}–${show(pids[pids.length - 1])}, ${pids.length} processes`;
}

export function processGroups(config: NodeConfig, processes: readonly ProcessCpus[]): LaneGroup[] {
  // Partition order of the CPUs, so that every group lists its lanes as the partition view does.
  const rank = new Int32Array(config.cpuCount);
  timelineGroups(config).flatMap((g) => g.cpus).forEach((cpu, i) => (rank[cpu] = i));
  const byRank = (cpus: number[]) => cpus.sort((a, b) => rank[a] - rank[b]);
  const names = processNames(config);
  const list = (pids: readonly number[]) => pidList(pids, names.pid);
  const owners: number[][] = Array.from({ length: config.cpuCount }, () => []);
  const procs = [...processes].sort((a, b) => a.pid - b.pid);
  const index = new Map(procs.map((p, i) => [p.pid, i]));
  for (const p of procs) {
    for (const cpu of new Set([...p.cpus, ...p.servers])) if (cpu >= 0 && cpu < config.cpuCount) owners[cpu].push(p.pid);
  }
  // Each group is placed by a key: a process's group at 2i, a shared group just after its last member.
  const entries: { key: number; group: LaneGroup }[] = [];
  const own = new Map<number, number[]>();
  const shared = new Map<string, { pids: number[]; cpus: number[] }>();
  const none: number[] = [];
  owners.forEach((pids, cpu) => {
    if (pids.length === 0) none.push(cpu);
    else if (pids.length === 1) (own.get(pids[0]) ?? own.set(pids[0], []).get(pids[0])!).push(cpu);
    else {
      const key = pids.join(',');
      (shared.get(key) ?? shared.set(key, { pids, cpus: [] }).get(key)!).cpus.push(cpu);
    }
  });
  const withCpus = procs.filter((p) => own.has(p.pid));
  withCpus.slice(0, MAX_PROCESS_GROUPS).forEach((p) => {
    entries.push({ key: 2 * index.get(p.pid)!, group: { title: `pid ${names.pid(p.pid)} · ${names.program(p.pid) ?? p.name}`, short: `pid ${names.pid(p.pid)}`, pids: [p.pid], cpus: byRank(own.get(p.pid)!) } });
  });
  const rest = withCpus.slice(MAX_PROCESS_GROUPS);
  if (rest.length > 0) {
    const pids = rest.map((p) => p.pid);
    entries.push({ key: 2 * index.get(pids[0])!, group: { title: `${rest.length} more processes (${list(pids)})`, short: 'more processes', pids, cpus: byRank(rest.flatMap((p) => own.get(p.pid)!)) } });
  }
  const sets = [...shared.values()];
  const sharedGroup = (s: { pids: number[]; cpus: number[] }, title: string): LaneGroup => ({ title, short: `shared (${list(s.pids)})`, pids: s.pids, cpus: byRank(s.cpus) });
  if (sets.length <= MAX_SHARED_GROUPS) {
    for (const s of sets) entries.push({ key: 2 * Math.max(...s.pids.map((p) => index.get(p)!)) + 1, group: sharedGroup(s, `Shared by ${list(s.pids)}`) });
  } else {
    const pids = [...new Set(sets.flatMap((s) => s.pids))].sort((a, b) => a - b);
    entries.push({ key: 2 * procs.length, group: sharedGroup({ pids, cpus: sets.flatMap((s) => s.cpus) }, `Shared by several processes (${list(pids)})`) });
  }
  entries.sort((a, b) => a.key - b.key);
  const groups = entries.map((e) => e.group);
  if (none.length > 0) groups.push({ title: NO_PROCESS_TITLE, short: 'no-process', cpus: byRank(none) });
  return groups;
}
