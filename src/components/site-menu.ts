/**
 * The header's menu on narrow screens: a disclosure (WAI-ARIA APG “Disclosure”): the 菜单
 * button has `aria-expanded` and `aria-controls="site-menu"`; a press shows or hides the
 * navigation, search box and theme switch; Escape inside the header closes it and returns focus
 * to the button.
 *
 * Without JavaScript nothing here runs: the button stays hidden (CSS shows it only when
 * public/js/theme-init.js has set `data-js` on `<html>`, before first paint, so the menu doesn't
 * jump from open to folded) and the menu stays open. Doesn’t change anything on wide screens, where
 * CSS keeps the menu in the header bar and the button hidden.
 */
const header = document.querySelector<HTMLElement>('.site-header');
const button = header?.querySelector<HTMLButtonElement>('.menu-toggle');
const menu = document.getElementById('site-menu');

if (header && button && menu) {
	const setOpen = (open: boolean) => {
		button.setAttribute('aria-expanded', String(open));
		header.dataset.menu = open ? 'open' : 'closed';
	};
	setOpen(false);
	button.addEventListener('click', () => setOpen(button.getAttribute('aria-expanded') !== 'true'));
	header.addEventListener('keydown', (event) => {
		if (
			event.key !== 'Escape' ||
			header.dataset.menu !== 'open' ||
			getComputedStyle(button).display === 'none'
		)
			return;
		setOpen(false);
		button.focus();
	});
}

// A module: its names stay out of the global scope (the bundler loads it once per page).
export {};
