/**
 * Highlight the current section in the report's on-page TOC: the link of the last heading whose
 * top has passed a line at 30 % of the window height gets `aria-current="true"` (the WAI-ARIA
 * value for “the current item in a set”); none before the first heading. Recomputed once per
 * animation frame while scrolling; on wide screens, where the TOC is a sticky, scrollable side
 * column, the current link is kept in its view.
 *
 * Doesn’t change the TOC's links or the page's text, so Pagefind's index is unaffected.
 */
const toc = document.querySelector<HTMLElement>('.page-toc');
const links = [...(toc?.querySelectorAll<HTMLAnchorElement>('a[href^="#"]') ?? [])];
const targets = links.map((a) => document.getElementById(decodeURIComponent(a.hash.slice(1))));
const side = toc?.closest<HTMLElement>('.report-side') ?? null;
let frame = 0;
let current = -2;

function update(): void {
	frame = 0;
	const line = innerHeight * 0.3;
	let at = -1;
	targets.forEach((target, i) => {
		if (target && target.getBoundingClientRect().top <= line) at = i;
	});
	if (at === current) return;
	current = at;
	links.forEach((a, i) =>
		i === at ? a.setAttribute('aria-current', 'true') : a.removeAttribute('aria-current'),
	);
	const link = links[at];
	if (link && side && getComputedStyle(side).position === 'sticky') {
		const box = side.getBoundingClientRect();
		const r = link.getBoundingClientRect();
		if (r.top < box.top || r.bottom > box.bottom)
			side.scrollTop += r.top - box.top - box.height / 3;
	}
}

if (links.length > 0) {
	update();
	addEventListener('scroll', () => (frame ||= requestAnimationFrame(update)), { passive: true });
	addEventListener('resize', () => (frame ||= requestAnimationFrame(update)));
}

// A module: its names stay out of the global scope (the bundler loads it once per page).
export {};
