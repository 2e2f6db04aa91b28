import { describe, expect, it } from 'vitest';
import { createGrowingTextReader, createNdjsonReader, NdjsonParseError } from '../ndjson';

describe('createNdjsonReader', () => {
  it('returns each line once it is complete, whatever the chunking', () => {
    const reader = createNdjsonReader();
    expect(reader.push('{"type":"progress","rowsRead":1')).toEqual([]);
    expect(reader.push('00}\n{"type":"progress",')).toEqual([{ type: 'progress', rowsRead: 100 }]);
    expect(reader.push('"rowsRead":200}\n{"type":"result","ok":true}\n')).toEqual([
      { type: 'progress', rowsRead: 200 },
      { type: 'result', ok: true },
    ]);
    expect(reader.end()).toEqual([]);
  });

  it('skips blank lines and accepts CRLF', () => {
    const reader = createNdjsonReader();
    expect(reader.push('{"a":1}\r\n\r\n{"a":2}\r\n')).toEqual([{ a: 1 }, { a: 2 }]);
  });

  it('reads a last line without a newline at the end', () => {
    const reader = createNdjsonReader();
    expect(reader.push('{"a":1}\n{"a":2}')).toEqual([{ a: 1 }]);
    expect(reader.end()).toEqual([{ a: 2 }]);
  });

  it('says which line is not JSON', () => {
    const reader = createNdjsonReader();
    reader.push('{"a":1}\n');
    expect(() => reader.push('<html>error</html>\n')).toThrow(NdjsonParseError);
    try {
      createNdjsonReader().push('\nnope\n');
    } catch (e) {
      expect((e as NdjsonParseError).lineNumber).toBe(2);
    }
  });

  it('keeps Thai text that arrives split across pieces', () => {
    const reader = createNdjsonReader();
    const line = JSON.stringify({ message: 'ค่าอยู่นอกช่วง' });
    expect(reader.push(line.slice(0, 15))).toEqual([]);
    expect(reader.push(`${line.slice(15)}\n`)).toEqual([{ message: 'ค่าอยู่นอกช่วง' }]);
  });
});

describe('createGrowingTextReader', () => {
  it('parses only what is new in a growing response text', () => {
    const reader = createGrowingTextReader();
    let text = '{"n":1}\n{"n"';
    expect(reader.update(text)).toEqual([{ n: 1 }]);
    text += ':2}\n';
    expect(reader.update(text)).toEqual([{ n: 2 }]);
    expect(reader.update(text)).toEqual([]);
  });
});
