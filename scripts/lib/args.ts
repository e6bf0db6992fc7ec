/**
 * Parse `--name value` and `--flag` command-line arguments.
 * Doesn’t know any option: callers read what they need and reject the rest with `unknown`.
 */
export interface Args {
	values: Map<string, string>;
	flags: Set<string>;
}

export function parseArgs(argv: readonly string[], valued: readonly string[]): Args {
	const values = new Map<string, string>();
	const flags = new Set<string>();
	for (let i = 0; i < argv.length; i++) {
		const arg = argv[i] ?? '';
		if (!arg.startsWith('--'))
			throw new Error(`Unexpected argument "${arg}": options start with --`);
		const [name, inline] = arg.slice(2).split('=', 2) as [string, string | undefined];
		if (valued.includes(name)) {
			const value = inline ?? argv[++i];
			if (value === undefined) throw new Error(`Option --${name} expects a value`);
			values.set(name, value);
		} else flags.add(name);
	}
	return { values, flags };
}

/**
 * `--max-source-mb` and the like: a positive number of MiB → bytes; undefined when not given.
 * @throws Error `Option --max-source-mb expects a positive number of MiB, found "x"`.
 */
export function megabytes(value: string | undefined, option = 'max-source-mb'): number | undefined {
	if (value === undefined) return undefined;
	const n = Number(value);
	if (!Number.isFinite(n) || n <= 0)
		throw new Error(`Option --${option} expects a positive number of MiB, found "${value}"`);
	return Math.floor(n * 2 ** 20);
}

/** `npm run build` options of the offline edition (scripts/lib/offline/build-step.ts). */
export const OFFLINE_VALUED = ['zip'] as const;
export const OFFLINE_FLAGS = ['offline'] as const;

/** `--offline` (the build's output is the offline edition) and `--zip FILE` (also write its zip). */
export function offlineFlags(args: Args): { offline: boolean; zip: string | undefined } {
	return { offline: args.flags.has('offline'), zip: args.values.get('zip') };
}
