/** OpenCC dictionaries shipped by opencc-js as ES modules: one string `"from to|from to…"`. */
declare module 'opencc-js/dict/*' {
	const dict: string;
	export default dict;
}
