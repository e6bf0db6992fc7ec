// Apply a saved colour theme before first paint (no flash); the toggle in the header changes it.
try {
	const saved = localStorage.getItem('huibian-theme');
	if (saved === 'light' || saved === 'dark') document.documentElement.dataset.theme = saved;
} catch {}
// JavaScript runs: the phone header's menu starts folded from the first paint (no open-then-close
// jump); src/components/site-menu.ts opens and closes it. Without JavaScript it stays open.
document.documentElement.dataset.js = '';
