/**
 * The theme switch: a progressive enhancement (hidden without JavaScript). Its label says what a
 * press does: 深色模式 while the page is light, 浅色模式 while it is dark (with “切换到” for
 * screen readers), so it never reads 深色模式 in dark mode. No `aria-pressed`: a toggle button's
 * label must not change, and this one's does. The choice is saved and applied before first
 * paint by public/js/theme-init.js.
 */
const root = document.documentElement;
const button = document.querySelector<HTMLButtonElement>('.theme-toggle');
const label = button?.querySelector<HTMLElement>('.theme-label');
const isDark = () =>
	(root.dataset.theme ??
		(matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light')) === 'dark';

if (button && label) {
	const show = () => {
		const dark = isDark();
		label.textContent = dark ? '浅色模式' : '深色模式';
		button.dataset.next = dark ? 'light' : 'dark';
	};
	show();
	button.hidden = false;
	button.addEventListener('click', () => {
		const next = isDark() ? 'light' : 'dark';
		root.dataset.theme = next;
		try {
			localStorage.setItem('huibian-theme', next);
		} catch {}
		show();
	});
	// Follows the system setting while the reader has not chosen.
	matchMedia('(prefers-color-scheme: dark)').addEventListener('change', show);
}

// A module: its names stay out of the global scope (the bundler loads it once per page).
export {};
