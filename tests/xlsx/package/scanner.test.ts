/**
 * The XML tokenizer against saxes (a conforming XML parser) on every XML part of the Excel-saved
 * corpus, and on the XML forms other writers use; and its refusals.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import { SaxesParser } from 'saxes';
import { describe, expect, it } from 'vitest';
import { attributes, attributeValue } from '../../../src/xlsx/xml/attributes';
import { scanXml } from '../../../src/xlsx/xml/scanner';
import { XlsxError } from '../../../src/xlsx/xlsx-error';
import { CORPUS_DIR, corpusFiles } from '../corpus/corpus';

type Event = ['open', string, Record<string, string>] | ['close', string] | ['text', string];

/** Adjacent text pieces joined, text outside the root dropped: what both parsers must agree on. */
function push(events: Event[], e: Event, depth: number): void {
  if (e[0] === 'text') {
    if (depth === 0 || e[1] === '') return;
    const last = events[events.length - 1];
    if (last && last[0] === 'text') {
      last[1] += e[1];
      return;
    }
  }
  events.push(e);
}

function ours(xml: string): Event[] {
  const events: Event[] = [];
  let depth = 0;
  scanXml(xml, {
    open(name, tag, selfClosing) {
      push(events, ['open', name, Object.fromEntries(attributes(tag).map((a) => [a.name, attributeValue(a.raw)]))], depth);
      if (selfClosing) push(events, ['close', name], depth);
      else depth++;
    },
    close(name) {
      depth--;
      push(events, ['close', name], depth);
    },
    text(t) {
      push(events, ['text', t], depth);
    },
  });
  return events;
}

function oracle(xml: string): Event[] {
  const events: Event[] = [];
  let depth = 0;
  const p = new SaxesParser({ xmlns: false });
  p.on('opentag', (t) => {
    push(events, ['open', t.name, { ...(t.attributes as Record<string, string>) }], depth);
    depth++;
  });
  p.on('closetag', (t) => {
    depth--;
    push(events, ['close', t.name], depth);
  });
  p.on('text', (t) => push(events, ['text', t], depth));
  p.on('cdata', (t) => push(events, ['text', t], depth));
  p.write(xml).close();
  return events;
}

describe('the XML tokenizer reads what a conforming parser reads', () => {
  it('on every XML part of the 913 Excel-saved workbooks', () => {
    let parts = 0;
    const differ: string[] = [];
    for (const file of corpusFiles()) {
      const entries = unzipSync(readFileSync(path.join(CORPUS_DIR, file)));
      for (const [name, data] of Object.entries(entries)) {
        if (!/\.(xml|rels|vml)$/i.test(name)) continue;
        const xml = strFromU8(data).replace(/^\uFEFF/, '');
        let expected: Event[];
        try {
          expected = oracle(xml);
        } catch {
          continue; // VML is not always well-formed XML; Excel's parts are.
        }
        parts++;
        if (JSON.stringify(ours(xml)) !== JSON.stringify(expected)) differ.push(`${file}:${name}`);
      }
    }
    expect(differ).toEqual([]);
    expect(parts).toBeGreaterThan(8000);
  });

  it.each([
    ['prefixes and single quotes', `<x:a xmlns:x='urn:x'><x:c r='A1' s="2"/></x:a>`],
    ['a > inside an attribute value', '<a><c title="a > b" r="B2">t</c></a>'],
    ['entities and character references', '<a>&lt;&amp;&gt;&quot;&apos;&#65;&#x42;&#x1F600;</a>'],
    ['CDATA, comments and processing instructions', '<?xml version="1.0"?><!-- c --><a><![CDATA[<x>&amp;]]><?pi x?><!-- <b> --><b/></a>'],
    ['line ends in text and attributes', '<a v="x\r\ny\tz">one\r\ntwo\rthree</a>'],
    ['white space inside tags', '<a  r = "1"\n s="2" ><b\n/></a >'],
  ])('%s', (_, xml) => {
    expect(ours(xml)).toEqual(oracle(xml));
  });

  it.each([
    ['a document type declaration', '<!DOCTYPE a [<!ENTITY x "y">]><a>&x;</a>'],
    ['an unclosed element', '<a><b></a>'],
    ['text with no root', 'hello'],
    ['two roots', '<a/><b/>'],
    ['a tag cut off', '<a><b r="1"'],
  ])('refuses %s as damaged, never throws anything else', (_, xml) => {
    let thrown: unknown;
    try {
      scanXml(xml, {});
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(XlsxError);
    expect((thrown as XlsxError).problem.code).toBe('damaged');
  });
});
