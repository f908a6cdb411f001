import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFString, type PDFRef } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { removeUnsafeActions } from '../../src/lib/pdf/link-actions.ts';
import { rewriteHref } from '../../src/lib/pdf/links.ts';
import { applyMetadata } from '../../src/lib/pdf/metadata.ts';

describe('links in PDFs: only allowed schemes become links (rewriteHref)', () => {
  const context = { pageUrl: 'http://127.0.0.1:5555/print/faq/', siteUrl: 'https://trust.example.com', targets: new Map<string, string>() };

  it('drops a link whose scheme is not allowed, however it is written', () => {
    for (const href of ['javascript:alert(1)', 'JaVaScRiPt:alert(1)', ' \u0001javascript:alert(1)', 'java\tscript:alert(1)', 'data:text/html,<b>x</b>', 'vbscript:x', 'file:///etc/passwd', '//evil.example']) {
      expect(rewriteHref(href, context), href).toEqual({ href: '', kind: 'removed' });
    }
  });

  it('keeps https, http, mailto and relative links', () => {
    expect(rewriteHref('https://example.com/', context).kind).toBe('external');
    expect(rewriteHref('http://example.com/', context).kind).toBe('external');
    expect(rewriteHref('mailto:security@example.com', context).kind).toBe('external');
    expect(rewriteHref('/faq/', context).kind).toBe('site');
  });
});

/** A one-page PDF with a link annotation for each action, as a reader would follow them. */
async function pdfWithActions(actions: Record<string, unknown>[]): Promise<PDFDocument> {
  const document = await PDFDocument.create();
  const page = document.addPage([595.92, 842.88]);
  const { context } = document;
  const annotations = actions.map((action, index) =>
    context.register(context.obj({ Type: 'Annot', Subtype: 'Link', Rect: [10, 10 + index * 20, 100, 25 + index * 20], A: context.obj(action as never) })),
  );
  page.node.set(PDFName.of('Annots'), context.obj(annotations));
  return document;
}

/** The URI of every link annotation that still has a URI action, and the types of the others. */
function linkActions(document: PDFDocument): string[] {
  const annots = document.getPage(0).node.lookup(PDFName.of('Annots'), PDFArray);
  return annots.asArray().map((ref) => {
    const annotation = document.context.lookup(ref as PDFRef, PDFDict);
    const action = annotation.lookupMaybe(PDFName.of('A'), PDFDict);
    if (!action) return '(no action)';
    const uri = action.lookupMaybe(PDFName.of('URI'), PDFString, PDFHexString);
    return uri ? uri.decodeText() : String(action.get(PDFName.of('S')));
  });
}

describe('links in PDFs: unsafe link actions are removed after printing (removeUnsafeActions)', () => {
  it('removes URI actions with a scheme content may not use, and keeps the rest', async () => {
    const document = await pdfWithActions([
      { S: 'URI', URI: PDFString.of('https://example.com/') },
      { S: 'URI', URI: PDFString.of('javascript:alert(1)') },
      { S: 'URI', URI: PDFHexString.fromText('JaVaScRiPt:alert(1)') },
      { S: 'URI', URI: PDFString.of('data:text/html,x') },
      { S: 'URI', URI: PDFString.of('mailto:security@example.com') },
      { S: 'GoTo', D: [0, 'Fit'] },
    ]);
    expect(removeUnsafeActions(document)).toBe(3);
    expect(linkActions(document)).toEqual(['https://example.com/', '(no action)', '(no action)', '(no action)', 'mailto:security@example.com', '/GoTo']);
  });

  it('removes actions that run or open something outside the document', async () => {
    const document = await pdfWithActions([
      { S: 'JavaScript', JS: PDFString.of('app.alert(1)') },
      { S: 'Launch', F: PDFString.of('calc.exe') },
      { S: 'GoToR', F: PDFString.of('other.pdf'), D: [0, 'Fit'] },
      { S: 'SubmitForm', F: PDFString.of('https://example.com/') },
      { S: 'URI', URI: PDFString.of('https://example.com/'), Next: { S: 'JavaScript', JS: PDFString.of('x') } },
    ]);
    document.catalog.set(PDFName.of('OpenAction'), document.context.obj({ S: 'JavaScript', JS: PDFString.of('x') }));
    document.catalog.set(PDFName.of('Names'), document.context.obj({ JavaScript: { Names: [PDFString.of('x'), { S: 'JavaScript', JS: PDFString.of('x') }] } }));
    document.getPage(0).node.set(PDFName.of('AA'), document.context.obj({ O: { S: 'JavaScript', JS: PDFString.of('x') } }));
    expect(removeUnsafeActions(document)).toBe(8);
    expect(linkActions(document)).toEqual(['(no action)', '(no action)', '(no action)', '(no action)', '(no action)']);
    expect(document.catalog.has(PDFName.of('OpenAction'))).toBe(false);
    expect(document.catalog.lookup(PDFName.of('Names'), PDFDict).has(PDFName.of('JavaScript'))).toBe(false);
    expect(document.getPage(0).node.has(PDFName.of('AA'))).toBe(false);
  });

  it('leaves tagged elements’ attributes (/A without /S) alone', async () => {
    const document = await PDFDocument.create();
    document.addPage();
    const cell = document.context.obj({ S: 'TD', A: [{ O: 'Table', Headers: [PDFString.of('node1')] }] });
    const header = document.context.obj({ S: 'TH', A: { O: 'Table', Scope: 'Column' } });
    document.context.register(cell);
    document.context.register(header);
    expect(removeUnsafeActions(document)).toBe(0);
    expect(cell.has(PDFName.of('A'))).toBe(true);
    expect(header.has(PDFName.of('A'))).toBe(true);
  });

  it('runs whenever a printed PDF gets its metadata', async () => {
    const document = await pdfWithActions([{ S: 'URI', URI: PDFString.of('javascript:alert(1)') }, { S: 'URI', URI: PDFString.of('https://example.com/') }]);
    const bytes = await applyMetadata(await document.save(), {
      title: 't',
      author: 'a',
      subject: 's',
      keywords: [],
      language: 'en',
      date: new Date('2026-01-01T00:00:00Z'),
      creator: 'c',
      producer: 'p',
    });
    expect(linkActions(await PDFDocument.load(bytes))).toEqual(['(no action)', 'https://example.com/']);
  });
});

