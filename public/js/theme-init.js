// Apply a saved colour theme before first paint (no flash); the toggle in the header changes it.
try {
	const saved = localStorage.getItem('huibian-theme');
	if (saved === 'light' || saved === 'dark') document.documentElement.dataset.theme = saved;
} catch {}
