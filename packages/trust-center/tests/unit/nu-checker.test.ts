import { describe, expect, it } from 'vitest';
import { findJava, formatMessage, javaMajor, NO_JAVA_MESSAGE, problems, type NuMessage } from '../../scripts/lib/nu-checker.ts';

describe('findJava', () => {
  const answers = (status: number | null, output: string, error?: Error) => () => ({ status, output, ...(error ? { error } : {}) });

  it('reads the major version of old and new version strings', () => {
    expect(javaMajor('openjdk version "17.0.15" 2025-04-15')).toBe(17);
    expect(javaMajor('java version "1.8.0_392"')).toBe(8);
    expect(javaMajor('openjdk version "21" 2023-09-19')).toBe(21);
    expect(javaMajor('no version here')).toBeUndefined();
  });

  it('uses JAVA_HOME when set, else java on the PATH', () => {
    const seen: string[] = [];
    const run = (command: string) => (seen.push(command), { status: 0, output: 'openjdk version "17.0.15"' });
    expect(findJava({ JAVA_HOME: '/opt/jdk' }, run)).toBe('/opt/jdk/bin/java');
    expect(findJava({}, run)).toBe('java');
    expect(seen).toEqual(['/opt/jdk/bin/java', 'java']);
  });

  it('fails with one line saying how to get Java when there is none', () => {
    expect(() => findJava({}, answers(null, '', Object.assign(new Error('spawn java ENOENT'), { code: 'ENOENT' })))).toThrow(NO_JAVA_MESSAGE);
    expect(() => findJava({}, answers(1, 'broken'))).toThrow(NO_JAVA_MESSAGE);
  });

  it('fails on a Java older than 11', () => {
    expect(() => findJava({}, answers(0, 'java version "1.8.0_392"'))).toThrow(`java is Java 8. ${NO_JAVA_MESSAGE}`);
  });
});

describe('problems', () => {
  const page = (file: string) => `file:/site/dist/${file}`;
  const messages: NuMessage[] = [
    { type: 'error', subType: 'fatal', url: page('search/index.html'), lastLine: 1, lastColumn: 9, message: 'Stray start tag “script”.' },
    { type: 'error', url: page('faq/index.html'), lastLine: 3, lastColumn: 2, message: 'Duplicate ID “a”.' },
    { type: 'non-document-error', subType: 'io', url: page('x.html'), message: 'Cannot read.' },
    { type: 'info', subType: 'warning', url: page('index.html'), message: 'Resource violates Content Security Policy (meta tag): external stylesheet “/_astro/global.css” blocked by “style-src” directive.' },
    { type: 'info', subType: 'warning', url: page('index.html'), message: 'Resource violates Content Security Policy (meta tag): image “/logo.svg” blocked by “img-src” directive.' },
    { type: 'info', subType: 'warning', url: page('index.html'), message: 'Resource violates Content Security Policy (meta tag): image “https://tracker.example/x.png” blocked by “img-src” directive.' },
    { type: 'info', subType: 'warning', url: page('subprocessors/index.html'), message: 'Section lacks heading. Consider using “h2”-“h6” elements.' },
    ...['subprocessors/2/index.html', 'subprocessors/category/ubersetzung/index.html', 'subprocessors/location/de/2/index.html', 'subprocessors/aws/index.html'].map(
      (file): NuMessage => ({ type: 'info', subType: 'warning', url: page(file), message: 'Section lacks heading. Consider using “h2”-“h6” elements.' }),
    ),
    { type: 'info', subType: 'warning', url: page('faq/index.html'), message: 'Section lacks heading. Consider using “h2”-“h6” elements.' },
    { type: 'info', subType: 'warning', url: page('index.html'), message: 'The “type” attribute is unnecessary for JavaScript resources.' },
    { type: 'info', url: page('index.html'), message: 'Trailing slash on void elements has no effect.' },
  ];

  it('keeps every error and every warning not accepted with a reason, and drops plain information', () => {
    expect(problems(messages).map((message) => formatMessage(message, '/site/dist'))).toEqual([
      'search/index.html:1:9 fatal error: Stray start tag “script”.',
      'faq/index.html:3:2 error: Duplicate ID “a”.',
      'x.html:0:0 non-document-error: Cannot read.',
      'index.html:0:0 warning: Resource violates Content Security Policy (meta tag): image “https://tracker.example/x.png” blocked by “img-src” directive.',
      // A sub-processor's own page has no scrolling table: the warning there is not the accepted one.
      'subprocessors/aws/index.html:0:0 warning: Section lacks heading. Consider using “h2”-“h6” elements.',
      'faq/index.html:0:0 warning: Section lacks heading. Consider using “h2”-“h6” elements.',
      'index.html:0:0 warning: The “type” attribute is unnecessary for JavaScript resources.',
    ]);
  });
});
