import { extractText, getDocumentProxy, getMeta } from 'unpdf';

/** The text of a PDF as a reader extracts it (pdf.js), pages joined, plus its title and author. */
export async function readPdf(bytes: Uint8Array): Promise<{ text: string; title: unknown; author: unknown }> {
  // pdf.js takes over the buffer it is given: hand it a copy.
  const doc = await getDocumentProxy(new Uint8Array(bytes));
  const { text } = await extractText(doc, { mergePages: true });
  const { info } = await getMeta(doc) as { info: Record<string, unknown> };
  return { text, title: info.Title, author: info.Author };
}
