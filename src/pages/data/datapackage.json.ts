/** `/data/datapackage.json`: the Frictionless Data Package descriptor of the downloads. */
import type { APIRoute } from 'astro';
import { SITE_TITLE } from '../../consts';
import { getCompilations } from '../../content';
import { dataPackage } from '../../lib/knowledge/datapackage';
import { licenceOf } from '../../lib/knowledge/report-record';
import { absoluteUrl } from '../../lib/site/url';

export const GET: APIRoute = async ({ site }) => {
	const compilations = await getCompilations();
	const home = absoluteUrl(site, import.meta.env.BASE_URL);
	const descriptor = dataPackage(
		compilations.map((c) => licenceOf(c.data)),
		SITE_TITLE,
		home,
	);
	return new Response(`${JSON.stringify(descriptor, null, 2)}\n`, {
		headers: { 'Content-Type': 'application/json; charset=utf-8' },
	});
};
