// On narrow screens the on-page TOC sits above the text: start it folded there.
if (matchMedia('(max-width: 63.99rem)').matches)
	document.currentScript?.previousElementSibling?.removeAttribute('open');
