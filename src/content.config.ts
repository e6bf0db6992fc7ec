import { defineCollection } from 'astro:content';
import { reportSchema, sourceSchema, tocOnlySchema } from './lib/frontmatter.ts';
import { catalogLoader, reportsLoader } from './loaders/reports-loader.ts';

const reports = defineCollection({ loader: reportsLoader(), schema: reportSchema });
const compilations = defineCollection({ loader: catalogLoader('sources'), schema: sourceSchema });
const tocOnly = defineCollection({ loader: catalogLoader('tocOnly'), schema: tocOnlySchema });

export const collections = { reports, compilations, tocOnly };
