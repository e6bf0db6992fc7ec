/**
 * THE schema of huibian's data: report frontmatter, the catalog and its parts.
 *
 * One source of truth. `src/content.config.ts` uses `reportSchema` for the content
 * collection, and the ingest validates every generated frontmatter object against the
 * same schema before it writes a file, so a bad record fails the ingest, not `astro build`.
 *
 * Doesn’t know the category or theme vocabulary: those are data (`content/vocabulary.yaml`),
 * checked against the vocabulary by the ingest, not by this schema.
 */
import { z } from 'astro/zod';
import { sectionPath } from './site/routes.ts';

/**
 * Longest one-line field (a title, unit, author, section, compilation title, metadata value), in
 * characters. Real titles are under 100; a longer “title” is a mistake, and a huge one is copied
 * onto every page that lists the report (a 5 MB title made a 116 MB site).
 */
const MAX_FIELD_CHARS = 1000;
/** Longest abstract (摘要), in characters. */
const MAX_ABSTRACT_CHARS = 20_000;

/** A string of at most `max` characters, with a message that says how long it is. */
function boundedText(max = MAX_FIELD_CHARS) {
	return z.string().max(max, {
		error: (issue) => {
			const found = String((issue.input as string | undefined)?.length);
			return (
				`Expected at most ${max} characters, found ${found}: ` +
				'a field is one line; move long text into the body of the source'
			);
		},
	});
}

/**
 * A web address: only `http:` and `https:` (a `javascript:`, `data:` or `file:` link would run or
 * leak on click).
 */
const httpUrlSchema = z
	.url({
		protocol: /^https?$/,
		error:
			'Expected an http:// or https:// URL ' +
			'(other schemes such as javascript:, data: or file: are refused)',
	})
	.max(2048);

/** ASCII slug used in URLs: lower-case letters, digits and single hyphens. */
export const slugSchema = z
	.string()
	.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'Expected an ASCII slug (a-z, 0-9, single hyphens)');

/** The report types of docs/ingest-spec.md §4. 自评报告 and 自查报告 are kept distinct. */
export const reportTypes = [
	'自评报告',
	'自查报告',
	'经验材料',
	'实施方案',
	'工作总结',
	'工作汇报',
	'规划',
	'论文',
	'新闻报道',
] as const;
const reportTypeSchema = z.enum(reportTypes);

/** How precise a date is. `none` goes with `date: null`. */
export const datePrecisionSchema = z.enum(['day', 'month', 'year', 'none']);
export type DatePrecision = z.infer<typeof datePrecisionSchema>;
/** The precision of a date that is there. */
export type KnownDatePrecision = Exclude<DatePrecision, 'none'>;

/** A date found or given, with its precision: `{ date: '2010-12', precision: 'month' }`. */
export interface DatedAs {
	date: string;
	precision: KnownDatePrecision;
}

/**
 * Where a date comes from: `report` = a sign-off line of the report itself;
 * `compilation` = inherited from the book's date (shown as “收录于 …”); `none` = no date.
 */
const dateSourceSchema = z.enum(['report', 'compilation', 'none']);

/** ISO date of the given precision: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. */
export const isoDateSchema = z
	.string()
	.regex(
		/^\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?$/,
		'Expected YYYY, YYYY-MM or YYYY-MM-DD',
	);

/**
 * THE date-precision rule: the precision of an ISO date (`isoDateSchema`) is its form.
 * @example datePrecisionOf('2010-12') → 'month'; datePrecisionOf(null) → 'none'
 */
export function datePrecisionOf(date: string): KnownDatePrecision;
export function datePrecisionOf(date: string | null): DatePrecision;
export function datePrecisionOf(date: string | null): DatePrecision {
	if (date === null) return 'none';
	return date.length === 10 ? 'day' : date.length === 7 ? 'month' : 'year';
}

/** A heading of a report body, as Astro's renderer gives it: level (2–6), text and element id. */
export interface ReportHeading {
	depth: number;
	text: string;
	slug: string;
}

/**
 * Frontmatter of one generated report page (`content/reports/<id>.mdx`).
 * Every field is required (nullable where a value may be unknown) because search filters
 * and sorts rely on them: a page without a sort key vanishes from sorted results.
 */
export const reportSchema = z
	.object({
		/** Stable ASCII id, also the URL slug: `/reports/<id>/`. Derived from source + content. */
		id: slugSchema,
		/** Main (slogan) title as printed, phrase separators kept. */
		title: boundedText().min(1),
		/** Subtitle normalised to a leading `——`, or null. */
		subtitle: boundedText().startsWith('——').nullable(),
		/** The organisation that wrote the report, as displayed; null when there is none (an essay). */
		unit: boundedText().min(1).nullable(),
		/**
		 * Parts of a joint unit (`城镇工委 城镇办事处` → two parts); `[unit]` for a single unit; `[]`
		 * for none.
		 */
		unitParts: z.array(boundedText().min(1)),
		/**
		 * True when the unit name is anonymised in the source (`***街道工委`, `XX村`): kept verbatim,
		 * never shared.
		 */
		unitAnonymized: z.boolean(),
		/** Personal author (`作者：X`, `（执笔：X）`), or null. */
		author: boundedText().min(1).nullable(),
		/** Category label, e.g. `学习型机关` (one of content/vocabulary.yaml). */
		category: boundedText().min(1),
		/** Category slug, e.g. `jiguan`. */
		categorySlug: slugSchema,
		/** Report type (docs/ingest-spec.md §4). */
		reportType: reportTypeSchema,
		/** ISO date of the given precision, or null. */
		date: isoDateSchema.nullable(),
		datePrecision: datePrecisionSchema,
		dateSource: dateSourceSchema,
		/** Theme labels (0–8), strongest first. */
		themes: z.array(boundedText().min(1)).max(8),
		/** Theme slugs, parallel to `themes`. */
		themeSlugs: z.array(slugSchema).max(8),
		/** Named programmes as printed, e.g. `“五子行动”`. */
		namedPractices: z.array(boundedText().min(1)),
		/** 摘要 (abstract) when the report prints one, else null. */
		abstract: boundedText(MAX_ABSTRACT_CHARS).nullable(),
		/** 关键词 (keywords) when the report prints them. */
		keywords: z.array(boundedText()),
		/** Source file name inside the sources folder, e.g. `000_072d85c6eac7fde3.txt`. */
		source: z.string().min(1),
		/** Slug of the compilation (source) page: `/compilations/<sourceSlug>/`. */
		sourceSlug: slugSchema,
		/** Title of the compilation the report was found in. */
		compilationTitle: boundedText().min(1),
		/** Position of the report in its compilation (0-based, TOC order), for prev/next. */
		order: z.number().int().min(0),
		/** Page number printed in the compilation's TOC, or null. */
		tocPage: z.number().int().positive().nullable(),
		/** TOC section marker the report was listed under (`学习型机关建设`), or null. */
		section: boundedText().nullable(),
		/** [first, last] line of the report in the source file, 1-based, title to sign-off. */
		lines: z.tuple([z.number().int().positive(), z.number().int().positive()]),
		/** True when the source file ends inside this report (mid-sentence). */
		truncated: z.boolean(),
		/**
		 * PDF sources only: [first, last] PDF page (1-based) of the report, and the folios printed
		 * on those pages (null where a page prints none). Absent for other formats.
		 */
		pdfPages: z.tuple([z.number().int().positive(), z.number().int().positive()]).optional(),
		folios: z.tuple([z.string().nullable(), z.string().nullable()]).optional(),
		/** DOCX and HTML sources only: [first, last] paragraph (1-based block) of the document. */
		paragraphs: z.tuple([z.number().int().positive(), z.number().int().positive()]).optional(),
		/**
		 * The id of the canonical copy when this report is a reprint of it (the same report in an
		 * earlier compilation: src/lib/knowledge/reprints.ts); absent for every other report. A
		 * reprint is listed by its compilation but counted, related and searched once, as the
		 * canonical copy.
		 */
		reprintOf: slugSchema.optional(),
	})
	.refine((r) => r.themes.length === r.themeSlugs.length, {
		message: 'themes and themeSlugs must have the same length',
		path: ['themeSlugs'],
	})
	.refine((r) => r.datePrecision === datePrecisionOf(r.date), {
		message: 'datePrecision must match the form of date (none for null)',
		path: ['datePrecision'],
	})
	.refine((r) => (r.date === null) === (r.dateSource === 'none'), {
		message: 'dateSource must be none exactly when date is null',
		path: ['dateSource'],
	})
	.refine((r) => r.lines[0] <= r.lines[1], {
		message: 'lines must be [first, last]',
		path: ['lines'],
	});

export type ReportFrontmatter = z.infer<typeof reportSchema>;

/** One entry of a compilation's table of contents, in printed order. */
const tocEntrySchema = z.object({
	/** `section` = a section marker (`◆ 学习型机关建设`, `第一部分 …`); `report` = a report entry. */
	kind: z.enum(['section', 'report']),
	title: z.string().min(1),
	subtitle: z.string().nullable(),
	unit: z.string().nullable(),
	page: z.number().int().positive().nullable(),
	/** Id of the report page when the body is in the text; null for 正文未收录 (and for sections). */
	reportId: slugSchema.nullable(),
});

/** A report known only from a table of contents: its body is not in the source text. */
export const tocOnlySchema = z.object({
	id: slugSchema,
	source: z.string().min(1),
	sourceSlug: slugSchema,
	title: z.string().min(1),
	subtitle: z.string().nullable(),
	unit: z.string().nullable(),
	unitAnonymized: z.boolean(),
	category: z.string().min(1),
	categorySlug: slugSchema,
	tocPage: z.number().int().positive().nullable(),
	section: z.string().nullable(),
	order: z.number().int().min(0),
});
export type TocOnlyEntry = z.infer<typeof tocOnlySchema>;

/** Optional `<source>.yaml` beside a source: facts the text does not say. Never invented. */
export const sourceMetaSchema = z
	.object({
		title: boundedText().optional(),
		editor: boundedText().optional(),
		publisher: boundedText().optional(),
		place: boundedText().optional(),
		date: isoDateSchema.optional(),
		/** Where the compilation was found: http(s) only. */
		url: httpUrlSchema.optional(),
		licence: boundedText().optional(),
	})
	.strict();
export type SourceMeta = z.infer<typeof sourceMetaSchema>;

/** A source file (a compilation, a web collection or a single article). */
export const sourceSchema = z.object({
	file: z.string().min(1),
	slug: slugSchema,
	shape: z.enum(['toc-compilation', 'web-collection', 'single-article', 'head-compilation']),
	title: z.string().min(1),
	editor: z.string().nullable(),
	publisher: z.string().nullable(),
	place: z.string().nullable(),
	date: isoDateSchema.nullable(),
	url: httpUrlSchema.nullable(),
	licence: z.string().nullable(),
	/** 前言 paragraphs, as printed (cleaned), or []. */
	preface: z.array(z.string()),
	/** Table of contents in printed order with section markers; [] when the source has none. */
	toc: z.array(tocEntrySchema),
	counts: z.object({
		reports: z.number().int().min(0),
		tocOnly: z.number().int().min(0),
		warnings: z.number().int().min(0),
	}),
	/** What each named repair removed or changed in this source: rule id → count. */
	repairs: z.record(z.string(), z.number().int().min(0)),
});
export type SourceRecord = z.infer<typeof sourceSchema>;

/** A report as listed in catalog.json: the frontmatter plus its site-relative URL. */
export const catalogReportSchema = z.intersection(
	reportSchema,
	z.object({ url: z.string().startsWith(sectionPath('reports')) }),
);

/**
 * An id no report has any more (the id registry, `ids.yaml`): its old URL `/reports/<id>/` is a
 * page that says where the report went, or that it was removed.
 */
export const retiredReportSchema = z.object({
	id: slugSchema,
	/** The id the report has now, or null when it was removed. */
	movedTo: slugSchema.nullable(),
	/** The report's title when it had this id. */
	title: z.string().min(1),
	/**
	 * The source file it was in, and that compilation's slug when the source is still there (else
	 * null).
	 */
	source: z.string().min(1),
	sourceSlug: slugSchema.nullable(),
});
export type RetiredReport = z.infer<typeof retiredReportSchema>;

/** `catalog.json`: the stable interface for tools and the data download for readers. */
export const catalogSchema = z.object({
	sources: z.array(sourceSchema),
	reports: z.array(catalogReportSchema),
	tocOnly: z.array(tocOnlySchema),
	/** Retired ids, by id; absent when there are none. */
	retired: z.array(retiredReportSchema).optional(),
});
export type Catalog = z.infer<typeof catalogSchema>;

// Vocabulary slugs and words (parsed by src/lib/ingest/report/metadata/load-vocabulary.ts).
const vocabSlug = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

const vocabWord = z.string().trim().min(1, 'Expected a non-empty word');

const vocabSlugSchema = z
	.string()
	.regex(vocabSlug, 'Expected an ASCII slug (a-z, 0-9, single hyphens), e.g. `gongtong-yuanjing`');

/** A category of content/vocabulary.yaml. */
const categorySchema = z.strictObject({
	slug: vocabSlugSchema,
	label: vocabWord,
	/** Words that identify the kind of unit or organisation (e.g. `局`, `学校`, `社区`). */
	unitWords: z.array(vocabWord).default([]),
	/** Words in body text that count as evidence for this category. */
	signals: z.array(vocabWord).default([]),
});
export type CategoryDef = z.output<typeof categorySchema>;

/** A theme of content/vocabulary.yaml. */
const themeSchema = z.strictObject({
	slug: vocabSlugSchema,
	label: vocabWord,
	signals: z.array(vocabWord).min(1, 'Expected at least one signal word'),
	/** Least score for this theme to be tagged, when its signals are specific enough to need less. */
	minScore: z.number().positive('Expected a positive score, e.g. 2.5').optional(),
});
export type ThemeDef = z.output<typeof themeSchema>;

/** content/vocabulary.yaml, parsed. Data the site owner edits; never constants in code. */
export const vocabularySchema = z.strictObject({
	categories: z.array(categorySchema).min(1, 'Expected at least one category'),
	themes: z.array(themeSchema),
});
export type Vocabulary = z.output<typeof vocabularySchema>;
