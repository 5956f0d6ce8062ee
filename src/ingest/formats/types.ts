// What a converter makes of a file: the text to store (paragraphs split by blank lines, table rows
// one per line) and the hints the file itself gives (a web page's title, publisher, date, URL).

export type FileFormat = 'pdf' | 'docx' | 'html' | 'text';

export interface Converted {
  format: FileFormat;
  text: string;
  title?: string;
  /** Where the report came from: a page's URL, else its publication's name. */
  source?: string;
  /** The publication's name (og:site_name), for a news page. */
  publisher?: string;
  /** ISO date, YYYY-MM-DD. */
  publishedAt?: string;
}

export interface ConvertLimits {
  /** Most bytes of text a file may unpack to (a DOCX's document.xml): the zip-bomb guard. */
  maxUnpackedBytes: number;
}
