/**
 * The configuration of this process (`src/lib/config.ts` over `process.env`), read once. A bad
 * `HUIBIAN_*` variable ends the process with its one-line message and exit code 2, before any
 * work: `HUIBIAN_SEARCH_LOOKAHEAD=0: expected a whole number ≥ 1`.
 */
import { ConfigError, readConfig, type HuibianConfig } from '../../src/lib/config.ts';

function load(): HuibianConfig {
	try {
		return readConfig(process.env);
	} catch (error) {
		if (!(error instanceof ConfigError)) throw error;
		console.error(error.message);
		process.exit(2);
	}
}

/** This process's configuration. */
export const config: HuibianConfig = load();
