// Renders a headless xterm's screen (cells, colours, bold/dim/inverse) to SVG
// text, so README pictures come from the real program's real output.

const base16 = ['#1e1e1e', '#e06c75', '#98c379', '#e5c07b', '#61afef', '#c678dd', '#56b6c2', '#d0d0d0', '#7f848e', '#ff7b86', '#b5e890', '#ffd68a', '#7fc4ff', '#e2a0ff', '#7fe0eb', '#ffffff'];

function paletteColor(index) {
	if (index < 16) {
		return base16[index];
	}

	if (index < 232) {
		const n = index - 16;
		const level = v => (v === 0 ? 0 : 55 + (v * 40));
		const hex = v => level(v).toString(16).padStart(2, '0');
		return `#${hex(Math.floor(n / 36))}${hex(Math.floor(n / 6) % 6)}${hex(n % 6)}`;
	}

	const gray = (8 + ((index - 232) * 10)).toString(16).padStart(2, '0');
	return `#${gray}${gray}${gray}`;
}

const defaultFg = '#d0d0d0';
const defaultBg = '#1e1e1e';

function cellColors(cell) {
	let fg = cell.isFgDefault() ? defaultFg : (cell.isFgRGB() ? `#${cell.getFgColor().toString(16).padStart(6, '0')}` : paletteColor(cell.getFgColor()));
	let bg = cell.isBgDefault() ? defaultBg : (cell.isBgRGB() ? `#${cell.getBgColor().toString(16).padStart(6, '0')}` : paletteColor(cell.getBgColor()));
	if (cell.isInverse()) {
		[fg, bg] = [bg, fg];
	}

	return {fg, bg, bold: Boolean(cell.isBold()), dim: Boolean(cell.isDim())};
}

const escapeXml = text => text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');

/**
 * The visible screen of `term` as an SVG document.
 * @param term
 * @param root0
 * @param root0.title
 * @param root0.fontSize
 */
export function screenToSvg(term, {title = 'sfntop', fontSize = 14} = {}) {
	const cellWidth = fontSize * 0.6;
	const lineHeight = Math.round(fontSize * 1.3);
	const pad = 12;
	const bar = 26;
	const width = Math.ceil((term.cols * cellWidth) + (pad * 2));
	const height = (term.rows * lineHeight) + (pad * 2) + bar;
	const parts = [
		`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="'DejaVu Sans Mono', Menlo, Consolas, monospace" font-size="${fontSize}">`,
		`<rect width="${width}" height="${height}" rx="8" fill="${defaultBg}"/>`,
		`<circle cx="${pad + 6}" cy="${(bar / 2) + 2}" r="6" fill="#ff5f56"/><circle cx="${pad + 26}" cy="${(bar / 2) + 2}" r="6" fill="#ffbd2e"/><circle cx="${pad + 46}" cy="${(bar / 2) + 2}" r="6" fill="#27c93f"/>`,
		`<text x="${width / 2}" y="${(bar / 2) + 6}" fill="#8a8a8a" text-anchor="middle" font-size="12">${escapeXml(title)}</text>`,
	];
	const buffer = term.buffer.active;
	const cell = buffer.getNullCell();
	for (let row = 0; row < term.rows; row++) {
		const line = buffer.getLine(buffer.viewportY + row);
		if (!line) {
			continue;
		}

		const y = bar + pad + (row * lineHeight);
		let run;
		const flush = () => {
			if (!run) {
				return;
			}

			const x = pad + (run.start * cellWidth);
			const runWidth = run.cells * cellWidth;
			if (run.style.bg !== defaultBg) {
				parts.push(`<rect x="${x.toFixed(1)}" y="${y}" width="${runWidth.toFixed(1)}" height="${lineHeight}" fill="${run.style.bg}"/>`);
			}

			if (run.text.trim()) {
				const weight = run.style.bold ? ' font-weight="bold"' : '';
				const opacity = run.style.dim ? ' fill-opacity="0.6"' : '';
				parts.push(`<text x="${x.toFixed(1)}" y="${y + Math.round(lineHeight * 0.75)}" fill="${run.style.fg}"${weight}${opacity} textLength="${runWidth.toFixed(1)}" lengthAdjust="spacingAndGlyphs" xml:space="preserve">${escapeXml(run.text)}</text>`);
			}

			run = undefined;
		};

		for (let col = 0; col < term.cols; col++) {
			line.getCell(col, cell);
			const cellWidthInCells = cell.getWidth();
			if (cellWidthInCells === 0) {
				continue;
			}

			const style = cellColors(cell);
			const key = `${style.fg}${style.bg}${style.bold}${style.dim}`;
			if (!run || run.key !== key) {
				flush();
				run = {start: col, cells: 0, text: '', style, key};
			}

			run.text += cell.getChars() || ' ';
			run.cells += cellWidthInCells;
		}

		flush();
	}

	parts.push('</svg>');
	return parts.join('\n');
}
