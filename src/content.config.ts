import { defineCollection } from 'astro:content';
import {
	reportSchema,
	retiredReportSchema,
	sourceSchema,
	tocOnlySchema,
} from './lib/frontmatter.ts';
import { catalogLoader, reportsLoader } from './loaders/reports-loader.ts';

const reports = defineCollection({ loader: reportsLoader(), schema: reportSchema });
const compilations = defineCollection({ loader: catalogLoader('sources'), schema: sourceSchema });
const tocOnly = defineCollection({ loader: catalogLoader('tocOnly'), schema: tocOnlySchema });
// Retired report ids (ids.yaml): their old URLs say where the report went.
const retired = defineCollection({ loader: catalogLoader('retired'), schema: retiredReportSchema });

export const collections = { reports, compilations, tocOnly, retired };
