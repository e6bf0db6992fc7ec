/**
 * Names for the synthetic corpus: counties, towns, people, organisations, dates in the forms
 * compilations print them. Organisation names are unique across one corpus (the `used` set).
 * Doesn’t produce real-world-accurate names, only plausible and distinct ones.
 */
import type { Rng } from './prng.ts';
import {
	type CategoryWords,
	givenChars,
	placeHeads,
	placeTails,
	surnames,
} from './corpus-words.ts';

const digitsCn = '〇一二三四五六七八九';

/** Two syllables: `青阳`. */
export function placeName(rng: Rng): string {
	return rng.pick(placeHeads) + rng.pick(placeTails);
}

function townName(rng: Rng, long: boolean): string {
	return long ? rng.pick(placeHeads) + placeName(rng) : placeName(rng);
}

/** A person's name: surname and one or two given characters. */
export function personName(rng: Rng): string {
	return rng.pick(surnames) + rng.pick(givenChars) + (rng.chance(0.7) ? rng.pick(givenChars) : '');
}

/**
 * An organisation of the category in county `county`, not yet in `used` (which it extends).
 * @throws When 200 attempts find no unused name (the word lists are too small for the corpus).
 */
export function unitName(
	rng: Rng,
	category: CategoryWords,
	county: string,
	used: Set<string>,
): string {
	for (let attempt = 0; attempt < 200; attempt++) {
		const name = rng
			.pick(category.orgs)
			.replace('{p}', county)
			// After 20 collisions, three-syllable town names (`青石湾`): 40,000+ more names.
			.replace('{t2}', townName(rng, attempt >= 20))
			.replace('{t}', townName(rng, attempt >= 20))
			.replace('{n}', numberCn(rng.int(1, attempt < 50 ? 12 : 99)))
			.replace('{s}', rng.pick(surnames))
			.replace('{g}', rng.pick(givenChars) + rng.pick(givenChars));
		if (!used.has(name)) {
			used.add(name);
			return name;
		}
	}
	throw new Error(`unitName: no unused ${category.label} name left in county ${county}`);
}

/** 1–99 in Chinese numerals: 一, 十, 十八, 二十一. */
export function numberCn(n: number): string {
	const ones = n % 10;
	const tens = Math.floor(n / 10);
	const tensText = tens === 0 ? '' : tens === 1 ? '十' : `${digitsCn[tens]}十`;
	return tensText + (ones === 0 && tens > 0 ? '' : digitsCn[ones]);
}

/**
 * A date as printed in sign-offs and covers.
 * @param style `cn` gives `二〇〇九年一月十八日`, `arabic` gives `2009年1月18日`.
 * @param day Omit for a month-only date (`二〇一〇年八月`).
 */
export function printedDate(
	style: 'cn' | 'arabic',
	year: number,
	month: number,
	day?: number,
): string {
	if (style === 'arabic') return `${year}年${month}月${day === undefined ? '' : `${day}日`}`;
	const y = [...String(year)].map((d) => digitsCn[Number(d)]).join('');
	return `${y}年${numberCn(month)}月${day === undefined ? '' : `${numberCn(day)}日`}`;
}
