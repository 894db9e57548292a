import { describe, expect, it } from 'vitest';
import { CSV_BOM, csvCell, csvLine } from '../../server/exports/csv.ts';
import { csvHead, csvRow, toRawRow } from '../../server/exports/raw-export.ts';
import type { RawCommentRecord } from '../../server/exports/exports.repository.ts';

describe('csvCell', () => {
  it.each([
    ['=1+1', "'=1+1"],
    ['+x', "'+x"],
    ['-x', "'-x"],
    ['@x', "'@x"],
    ['\tx', "'\tx"],
    ['=HYPERLINK("http://evil.example","click")', `"'=HYPERLINK(""http://evil.example"",""click"")"`],
  ])('neutralises %j against formula injection', (value, expected) => {
    expect(csvCell(value)).toBe(expected);
  });

  it('neutralises a leading carriage return and quotes the cell because of it', () => {
    expect(csvCell('\rx')).toBe(`"'\rx"`);
  });

  it('leaves text that only contains those characters later alone', () => {
    expect(csvCell('1+1=2')).toBe('1+1=2');
    expect(csvCell('a-b @c')).toBe('a-b @c');
    expect(csvCell(' =x')).toBe(' =x');
  });

  it('quotes cells with commas, quotes and line breaks as RFC 4180 says, doubling quotes', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell('crlf\r\nend')).toBe('"crlf\r\nend"');
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('')).toBe('');
  });

  it('quotes a cell with a semicolon, which Excel splits on in French and Spanish locales', () => {
    expect(csvCell('a;b')).toBe('"a;b"');
    expect(csvCell('x;=1+1')).toBe(`"x;'=1+1"`);
  });

  it('neutralises a formula at the start of every semicolon-separated part', () => {
    expect(csvCell('=a;+b;-c;@d;\te;\rf;g=h')).toBe(`"'=a;'+b;'-c;'@d;'\te;'\rf;g=h"`);
    expect(csvCell('1;2; =3')).toBe('"1;2; =3"');
  });

  it('writes null as an empty cell and numbers as they are', () => {
    expect(csvCell(null)).toBe('');
    expect(csvCell(undefined)).toBe('');
    expect(csvCell(12)).toBe('12');
    expect(csvCell(-3)).toBe('-3');
  });

  it('keeps accents and other scripts as UTF-8 text', () => {
    expect(csvCell('Gómez, «ça»')).toBe('"Gómez, «ça»"');
  });
});

describe('csvLine and the raw export rows', () => {
  const record: RawCommentRecord = {
    id: 'c1',
    seq: 1,
    parent_id: null,
    created_at: '2026-07-12T08:00:00.000Z',
    author_id: 'u1',
    display_name: 'Ana Gómez',
    name_display: 'name',
    country: 'MX',
    affiliation: 'ngo',
    language: 'es',
    status: 'published',
    body: '=cmd|" /C calc"!A0, then "more"',
  };

  it('ends lines with CRLF', () => {
    expect(csvLine(['a', 1, null])).toBe('a,1,\r\n');
  });

  it('starts with a byte order mark and a header', () => {
    expect(csvHead()).toBe(`${CSV_BOM}id,topicNumber,parentId,createdAt,authorId,author,country,affiliation,language,status,body\r\n`);
  });

  it('writes a published comment with its neutralised body', () => {
    expect(csvRow(toRawRow(record, 3))).toBe(`c1,3,,2026-07-12T08:00:00.000Z,u1,Ana Gómez,MX,ngo,es,published,"'=cmd|"" /C calc""!A0, then ""more"""\r\n`);
  });

  it('shows the author’s name only when it is shown publicly', () => {
    expect(toRawRow({ ...record, name_display: 'country' }, 1).author).toBeNull();
  });

  it('drops the code points XML forbids from the name and the body', () => {
    const row = toRawRow({ ...record, display_name: 'Ana\uFFFE Gómez', body: 'Odd\uFFFF\uDC00 text' }, 1);
    expect([row.author, row.body]).toEqual(['Ana Gómez', 'Odd text']);
  });

  it('never carries the body of a comment that is not published', () => {
    for (const status of ['hidden', 'withdrawn', 'pending', 'declined'] as const) {
      expect(toRawRow({ ...record, status }, 1).body).toBe('');
    }
  });
});
