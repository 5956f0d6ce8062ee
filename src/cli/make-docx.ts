// DOCX files made in the test with the `docx` package (what Word writes: paragraphs, a heading,
// a table), from a seed's text, so the DOCX reader is tested on real files and not on our own XML.
import { Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';

export interface DocxContent {
  /** Each line of text a paragraph; the first a heading. */
  lines: string[];
  /** A table appended after the paragraphs: the first row is the header. */
  table?: string[][];
}

export async function makeDocx({ lines, table }: DocxContent): Promise<Uint8Array> {
  const [title = '', ...rest] = lines;
  const children: (Paragraph | Table)[] = [
    new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun({ text: title, bold: true })] }),
    ...rest.map((l) => new Paragraph({ children: [new TextRun(l)] })),
  ];
  if (table) {
    children.push(
      new Table({
        rows: table.map(
          (row, r) =>
            new TableRow({
              children: row.map(
                (cell) =>
                  new TableCell({
                    children: [new Paragraph({ children: [new TextRun({ text: cell, bold: r === 0 })] })],
                  }),
              ),
            }),
        ),
      }),
    );
  }
  const doc = new Document({ sections: [{ children }] });
  return new Uint8Array(await Packer.toBuffer(doc));
}

/** A seed's text as DOCX: its non-blank lines as paragraphs, the first as the heading. */
export function seedToDocx(text: string, table?: string[][]) {
  const lines = text
    .split('\n')
    .map((l) => l.replace(/\s+/g, ' ').trim())
    .filter(Boolean);
  return makeDocx(table ? { lines, table } : { lines });
}
