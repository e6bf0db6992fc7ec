/**
 * Sample the resident memory of a process tree every `intervalMs` (default 100 ms): the total
 * RSS of the root and all its descendants, and per direct child of the root the RSS of that
 * child's subtree with its command line (a build stage is one child of `build.ts`).
 * RSS is summed per process, so pages shared between processes count once per process.
 * CPU seconds per child subtree count live processes and the ones already waited for.
 * Doesn’t start or stop processes.
 */
import { allProcesses, commandLine, descendants } from './process-tree.ts';

export interface Sample {
	/** ms since the sampler started. */
	t: number;
	/** RSS of the whole tree in bytes. */
	total: number;
	/** CPU seconds of the whole tree so far. */
	cpu: number;
	/** Direct children of the root alive at this sample. */
	children: Array<{ pid: number; command: string; rss: number; cpu: number }>;
}

export interface Sampler {
	/** Stop sampling (one last sample first) and return the samples. */
	stop: () => Sample[];
}

/** Start sampling the tree under `root` now. */
export function startSampler(root: number, intervalMs = 100): Sampler {
	const samples: Sample[] = [];
	const commands = new Map<number, string>();
	const t0 = performance.now();
	const rootCommand = commandLine(root);
	const take = () => {
		const snapshot = allProcesses();
		const tree = descendants(snapshot, root);
		if (tree.length === 0) return;
		let total = 0;
		let cpu = 0;
		for (const pid of tree) {
			total += snapshot.get(pid)?.rss ?? 0;
			cpu += snapshot.get(pid)?.cpu ?? 0;
		}
		const children = [...snapshot.values()]
			.filter((p) => p.ppid === root)
			.map((p) => {
				// Between fork and exec a child still shows its parent's command line, and during
				// exec none (an empty /proc cmdline): read it again until it shows its own.
				const known = commands.get(p.pid);
				if (!known || known === rootCommand) commands.set(p.pid, commandLine(p.pid));
				const tree = descendants(snapshot, p.pid).map((pid) => snapshot.get(pid));
				const rss = tree.reduce((sum, info) => sum + (info?.rss ?? 0), 0);
				const cpu = tree.reduce((sum, info) => sum + (info?.cpu ?? 0), 0);
				return { pid: p.pid, command: commands.get(p.pid) ?? '', rss, cpu };
			});
		samples.push({ t: performance.now() - t0, total, cpu, children });
	};
	take();
	const timer = setInterval(take, intervalMs);
	return {
		stop: () => {
			clearInterval(timer);
			take();
			return samples;
		},
	};
}
