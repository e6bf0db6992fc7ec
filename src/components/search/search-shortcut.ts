/**
 * The keyboard shortcut to search, on every page: `/` (when not typing in a field) and
 * Ctrl+K / ⌘+K. It focuses the page's search box when there is one (`input[type=search]`, the
 * one in `<main>` first, e.g. the search page's own), else opens the search page, which then
 * focuses its box (`takeFocusRequest`).
 *
 * Doesn't search by itself.
 */
const KEY = 'huibian:focus-search';

function typingIn(target: EventTarget | null): boolean {
	if (!(target instanceof HTMLElement)) return false;
	return target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName);
}

/** True (once) when the previous page asked the search page to focus its box. */
export function takeFocusRequest(): boolean {
	try {
		const asked = sessionStorage.getItem(KEY) === '1';
		sessionStorage.removeItem(KEY);
		return asked;
	} catch {
		return false;
	}
}

/**
 * Listen for the shortcut.
 * @param searchUrl URL of the search page (with the site's base).
 */
export function installSearchShortcut(searchUrl: string): void {
	document.addEventListener('keydown', (event) => {
		const chord =
			(event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 'k';
		const slash =
			event.key === '/' &&
			!event.ctrlKey &&
			!event.metaKey &&
			!event.altKey &&
			!typingIn(event.target);
		if (!chord && !slash) return;
		event.preventDefault();
		const box =
			document.querySelector<HTMLInputElement>('main input[type="search"]') ??
			document.querySelector<HTMLInputElement>('input[type="search"]');
		if (box) {
			box.focus();
			box.select();
			return;
		}
		try {
			sessionStorage.setItem(KEY, '1');
		} catch {
			// storage refused: the search page opens without focus
		}
		location.assign(searchUrl);
	});
}
