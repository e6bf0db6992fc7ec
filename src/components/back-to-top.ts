/**
 * Back to top: the footer's “回到顶部” link (`#top`, the body) works without JavaScript. On a
 * long page (more than two screens) this floats it in the corner once the reader has scrolled
 * past the first screen, and moves focus to the top of the page with the jump (the skip link is
 * then the next Tab stop). Doesn’t scroll smoothly: `prefers-reduced-motion` needs no check.
 */
const link = document.querySelector<HTMLAnchorElement>('.back-to-top');

if (link) {
	const row = link.parentElement;
	const update = () => {
		const long = document.documentElement.scrollHeight > 2 * innerHeight;
		const floating = long && scrollY > innerHeight;
		// The footer's row keeps its height when the link leaves it, so nothing moves. Else, at
		// the bottom of a page the page would get shorter, the scroll be clamped and everything on
		// screen jump down by a line, a frame after the scroll: a press on a button (更多结果)
		// that began before the jump ended beside it, and the click was lost.
		if (floating && !link.classList.contains('floating') && row)
			row.style.minHeight = `${row.getBoundingClientRect().height}px`;
		link.classList.toggle('floating', floating);
	};
	update();
	addEventListener('scroll', update, { passive: true });
	addEventListener('resize', update);
	link.addEventListener('click', (event) => {
		event.preventDefault();
		scrollTo(0, 0);
		document.body.setAttribute('tabindex', '-1');
		document.body.focus({ preventScroll: true });
		document.body.removeAttribute('tabindex');
		history.replaceState(null, '', location.pathname + location.search);
	});
}

// A module: its names stay out of the global scope (the bundler loads it once per page).
export {};
