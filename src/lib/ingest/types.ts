/**
 * Shared types of the ingest pipeline (pure: no I/O).
 *
 * decode → normalise → recognise shape → parse TOC / split → clean blocks → extract metadata
 * → build mdast → serialise MDX → validate with `reportSchema`.
 */
import type {
	ReportFrontmatter,
	SourceMeta,
	SourceRecord,
	TocOnlyEntry,
	Catalog,
} from '../frontmatter.ts';
import type {
	CategoryDef as CategorySchemaType,
	ThemeDef as ThemeSchemaType,
	Vocabulary as VocabularySchemaType,
} from '../frontmatter.ts';

/** A problem found while ingesting, with its place in the source file (1-based). */
export interface IngestIssue {
	file: string;
	line: number;
	column: number;
	/** Stable id, e.g. `decode:mojibake`, `date:unparsed`, `text:truncated`, `override:unknown-id`. */
	ruleId: string;
	severity: 'error' | 'warning';
	message: string;
}

/** One source as read from disk by the shell. */
export interface SourceInput {
	/** File name relative to the sources folder, e.g. `000_072d85c6eac7fde3.txt`. */
	file: string;
	bytes: Uint8Array;
	/** Parsed `<source>.yaml` beside it, when present. */
	meta?: SourceMeta | null;
	/** The text of a PDF, Word or HTML source, read by `extractSource` (a `.txt` has none). */
	extracted?: ExtractedText;
}

/** A non-text source read into the line model (see `formats/extract.ts`). */
export interface ExtractedText {
	kind: 'pdf' | 'docx' | 'html';
	/** LF lines (pages of a PDF are in `pageOfLine`, not marked in the text). */
	text: string;
	/** 1-based PDF page of each line (PDF only). */
	pageOfLine?: number[];
	/** Font size of each line over the body's (PDF only; 0 for a blank line). */
	sizeOfLine?: number[];
	/** The PDF's outline (bookmarks), when it has one. */
	outline?: OutlineEntry[];
	/** The PDF's page labels (index = page − 1), when it has them: the folio of a page that prints none. */
	pageLabels?: string[];
	/** 1-based paragraph (block) of the document each line belongs to (DOCX, HTML). */
	paragraphOfLine?: number[];
	/** 0-based indexes of lines that are site chrome of a web page (removed as `frame-line`). */
	frameLines?: number[];
	/** The tables of a DOCX or HTML body: per table, the 0-based indexes of its row lines (cells set off by TABs). */
	tables?: number[][];
	/** Repairs made while reading (radicals mapped), by rule. */
	repairs: Partial<Record<'kangxi-radical' | 'picture-placeholder', number>>;
	/** Problems that refuse the source (a scanned PDF): no records are made. */
	errors: IngestIssue[];
}

/** An entry of a PDF's outline: its title, the 1-based page it points to, its children. */
export interface OutlineEntry {
	title: string;
	page: number | null;
	items: OutlineEntry[];
}

/** A category of content/vocabulary.yaml. */
export type CategoryDef = CategorySchemaType;

/** A theme of content/vocabulary.yaml. */
export type ThemeDef = ThemeSchemaType;

/** content/vocabulary.yaml, parsed (types derived from the schemas in frontmatter.ts). */
export type Vocabulary = VocabularySchemaType;

/** content/overrides.yaml: report id → fields to replace. */
export type Overrides = Record<string, Partial<Omit<ReportFrontmatter, 'id'>>>;

/**
 * A block of a cleaned report body. `line` is the 1-based source line it starts on. A table
 * (from a `.docx` or `.html` body) holds its rows of cells; its `text` is the cells' text, a TAB
 * between cells and a LF between rows, for the steps that read text (tagging, checks, the page text).
 */
export type IngestBlock =
	| { type: 'heading'; depth: 2 | 3 | 4; text: string; line: number }
	| { type: 'paragraph'; text: string; line: number }
	| { type: 'table'; rows: string[][]; text: string; line: number };

/** One generated page. */
export interface GeneratedPage {
	id: string;
	/** The whole `.mdx` file: YAML frontmatter + body. */
	mdx: string;
	frontmatter: ReportFrontmatter;
	/** Plain text of the body (paragraphs and headings joined by \n), as it must appear on the page. */
	text: string;
}

/** Result of ingesting a set of sources. */
export interface IngestResult {
	catalog: Catalog;
	pages: GeneratedPage[];
	issues: IngestIssue[];
}

export type { ReportFrontmatter, SourceMeta, SourceRecord, TocOnlyEntry, Catalog };
