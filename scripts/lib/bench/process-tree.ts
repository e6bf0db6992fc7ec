/**
 * Read the process tree under one pid from Linux `/proc`: each process's parent, resident set
 * size and command line. One snapshot per call; doesn’t sample over time (see `rss-sampler.ts`).
 */
import { readdirSync, readFileSync } from 'node:fs';

export interface ProcessInfo {
	pid: number;
	ppid: number;
	/** Resident set size in bytes (VmRSS: `/proc/<pid>/stat` field 24 × page size). */
	rss: number;
	/** CPU seconds of the process and of its children it has waited for (fields 14–17). */
	cpu: number;
}

const pageSize = 4096;
const ticksPerSecond = 100;

function readStat(pid: number): ProcessInfo | null {
	try {
		const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
		// The command name (field 2) is in parentheses and may hold spaces: split after it.
		const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
		const ticks = [11, 12, 13, 14].reduce((sum, i) => sum + Number(fields[i]), 0);
		return {
			pid,
			ppid: Number(fields[1]),
			rss: Number(fields[21]) * pageSize,
			cpu: ticks / ticksPerSecond,
		};
	} catch {
		return null; // the process ended between readdir and read
	}
}

/** Every process visible in /proc, keyed by pid. */
export function allProcesses(): Map<number, ProcessInfo> {
	const out = new Map<number, ProcessInfo>();
	for (const name of readdirSync('/proc')) {
		if (!/^\d+$/.test(name)) continue;
		const info = readStat(Number(name));
		if (info) out.set(info.pid, info);
	}
	return out;
}

/**
 * Pids of `root` and all its descendants in a snapshot.
 * @returns Empty when `root` is not in the snapshot.
 */
export function descendants(snapshot: Map<number, ProcessInfo>, root: number): number[] {
	if (!snapshot.has(root)) return [];
	const children = new Map<number, number[]>();
	for (const p of snapshot.values()) {
		const list = children.get(p.ppid) ?? [];
		list.push(p.pid);
		children.set(p.ppid, list);
	}
	const out: number[] = [];
	const stack = [root];
	while (stack.length) {
		const pid = stack.pop() as number;
		out.push(pid);
		stack.push(...(children.get(pid) ?? []));
	}
	return out;
}

/** Command line of a pid, arguments joined by spaces ('' when it is gone). */
export function commandLine(pid: number): string {
	try {
		return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ').trim();
	} catch {
		return '';
	}
}
