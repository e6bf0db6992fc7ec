/** Site-wide constants. */
import { sectionPath } from './lib/site/routes.ts';

export const SITE_TITLE = '学习型组织建设汇编知识库';
export const SITE_DESCRIPTION =
	'学习型组织建设自评报告与经验材料汇编：按类别、主题、单位、汇编和年份浏览，全文检索。';
export const LANG = 'zh-CN';

/** Items per page of a listing (category, theme, unit, year). */
export const PER_PAGE = 50;

/** Newest reports (by their own date) shown on the home page. */
export const HOME_LATEST = 6;

/** Themes shown on the home page. */
export const HOME_THEMES = 16;

/** The main navigation: section key, label, site-relative path. */
export const NAV = [
	{ key: 'categories', label: '类别', path: sectionPath('categories') },
	{ key: 'themes', label: '主题', path: sectionPath('themes') },
	{ key: 'units', label: '单位', path: sectionPath('units') },
	{ key: 'compilations', label: '汇编', path: sectionPath('compilations') },
	{ key: 'years', label: '年份', path: sectionPath('years') },
	{ key: 'practices', label: '做法', path: sectionPath('practices') },
	{ key: 'stats', label: '统计', path: sectionPath('stats') },
	{ key: 'search', label: '搜索', path: sectionPath('search') },
] as const;

export type NavKey = (typeof NAV)[number]['key'];

/** Practices listed first on the practice index: those used by at least this many units. */
export const PRACTICE_SHARED_MIN = 2;
