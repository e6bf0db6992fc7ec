/**
 * Metadata of one report: vocabulary, dates, category, report type, themes, named practices.
 * Pure functions; the vocabulary is data (`content/vocabulary.yaml`), parsed by the caller.
 */
export { parseVocabulary } from './load-vocabulary.ts';
export { parseDate, findDates, type ParsedDate } from './parse-date.ts';
export { findReportDate, type ReportDate, type FindReportDateOptions } from './find-report-date.ts';
export { categoryByUnit, declaredCategory } from './category-terms.ts';
export {
	classifyCategory,
	type CategoryInput,
	type CategoryResult,
	type CategoryBasis,
	type ClassifyOptions,
} from './classify-category.ts';
export { detectReportType, type ReportType, type ReportTypeInput } from './detect-report-type.ts';
export {
	tagThemes,
	type TagThemesOptions,
	type TagThemesResult,
	type ThemeScore,
} from './tag-themes.ts';
export { findNamedPractices } from './find-named-practices.ts';
