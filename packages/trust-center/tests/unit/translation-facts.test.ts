import { describe, expect, it } from 'vitest';
import { compareFacts, describeFactDifference, extractFacts, pairFactDifferences, type Fact } from '../../src/lib/translations/facts.ts';

const NAMES = ['Nordlys', 'NCS', 'GDPR', 'EU AI Act', 'ISO 27001:2022', 'ISO/IEC 27001:2022', 'SOC 2 Type II', 'Tilsynsrådet'];

/** Facts as `kind value` strings: short to read, and a changed kind or value fails the test. */
const facts = (text: string, language: string, names: readonly string[] = NAMES) => extractFacts(text, language, names).map((fact) => `${fact.kind} ${fact.value}`);
const compare = (source: string, translation: string, names: readonly string[] = NAMES) => {
  const { missing, added } = compareFacts(source, 'en', translation, 'nb', names);
  return { missing: missing.map((fact) => `${fact.kind} ${fact.value}`), added: added.map((fact) => `${fact.kind} ${fact.value}`) };
};
const same = { missing: [], added: [] };

/** Trust-center text of a fictional company, in the shape real content takes (a schedule, Markdown, MDX components), and a faithful Bokmål translation. */
const PAIRS: Record<string, { en: string; nb: string }> = {
  retention: {
    en: 'Customer data is deleted on a tiered schedule after the contract ends: Sensor readings are deleted within 10 days. Reports (exports, dashboards, logs) stay available for Customer export for 45 days and are then deleted. Other personal data is deleted within 90 days. Records kept to meet legal obligations (such as invoices under the Bookkeeping Act) are kept as long as the law requires. Deletion is confirmed in writing within 21 days of each deadline, as the Data Processing Agreement sets out.',
    nb: 'Kundedata slettes etter en trinnvis plan når avtalen opphører: Sensordata slettes innen 10 dager. Rapporter (eksporter, dashbord, logger) er tilgjengelige for eksport for Kunden i 45 dager og slettes deretter. Andre personopplysninger slettes innen 90 dager. Opplysninger som oppbevares for å oppfylle rettslige forpliktelser (for eksempel fakturaer etter bokføringsloven), oppbevares så lenge loven krever. Slettingen bekreftes skriftlig innen 21 dager etter hver frist, slik databehandleravtalen fastsetter.',
  },
  encryption: {
    en: '**Between services:** All traffic between users, the platform and connected systems is encrypted with TLS 1.3.\n\n**Stored data:** Databases and backups are encrypted with AES-256.\n\n**Keys:** Keys are held in the NCS key vault and rotated automatically.\n',
    nb: '**Mellom tjenester:** All trafikk mellom brukere, plattformen og tilkoblede systemer krypteres med TLS 1.3.\n\n**Lagrede data:** Databaser og sikkerhetskopier krypteres med AES-256.\n\n**Nøkler:** Nøklene oppbevares i nøkkelhvelvet til NCS og roteres automatisk.\n',
  },
  continuity: {
    en: 'Nordlys keeps plans for continuity and recovery after a disaster.\n\n**Recovery objectives:** RTO 8 hours, RPO 8 hours.\n\nThe plans are tested every year.\n',
    nb: 'Nordlys har planer for kontinuitet og gjenoppretting etter en katastrofe.\n\n**Gjenopprettingsmål:** RTO 8 timer, RPO 8 timer.\n\nPlanene testes hvert år.\n',
  },
  compliance: {
    en: 'Where we stand:\n\n- **GDPR:** Compliant. The Data Processing Agreement is at <DpaLink />.\n- **EU AI Act:** The transparency duties are met for the assistant feature.\n- **ISO 27001:2022:** Certified; the next surveillance audit is planned for Q3 2027.\n- **SOC 2 Type II:** Not pursued.\n\nNordlys is supervised by Tilsynsrådet, the supervisory authority of its home country.\n',
    nb: 'Slik står det til:\n\n- **GDPR:** I samsvar. Databehandleravtalen finnes på <DpaLink />.\n- **EUs KI-forordning (EU AI Act):** Åpenhetskravene er oppfylt for assistentfunksjonen.\n- **ISO 27001:2022:** Sertifisert; neste oppfølgingsrevisjon er planlagt i Q3 2027.\n- **SOC 2 Type II:** Ikke aktuelt.\n\nNordlys er under tilsyn hos Tilsynsrådet, tilsynsmyndigheten i hjemlandet.\n',
  },
  subprocessors: {
    en: 'The list of sub-processors is kept up to date at [nordlys.example/subprocessors](https://nordlys.example/subprocessors).\n\nCustomers are told <NoticePeriod /> before a new sub-processor starts.\n',
    nb: 'Listen over underdatabehandlere holdes oppdatert på [nordlys.example/subprocessors](https://nordlys.example/subprocessors).\n\nKundene varsles <NoticePeriod /> før en ny underdatabehandler begynner.\n',
  },
  physical: {
    en: 'NCS data centres hold ISO 27001-certified physical controls, among them fenced perimeters, badge access, 24/7 guards and climate control.',
    nb: 'NCS\' datasentre har ISO 27001-sertifiserte fysiske kontroller, blant annet inngjerdede områder, adgangskort, vakthold 24/7 og klimakontroll.',
  },
  hosting: {
    en: 'The platform runs on Nimbus Cloud Services (NCS) in the Bergen (eu-west-9) region.',
    nb: 'Plattformen kjører hos Nimbus Cloud Services (NCS) i Bergen-regionen (eu-west-9).',
  },
  contacts: {
    en: 'Contact security@nordlys.example or your account representative. Organisation number 912 345 678.',
    nb: 'Kontakt security@nordlys.example eller din kundeansvarlige. Organisasjonsnummer 912 345 678.',
  },
};

describe('translation facts: content pairs', () => {
  for (const [name, pair] of Object.entries(PAIRS)) {
    it(`finds no difference in a faithful translation (${name})`, () => {
      expect(compare(pair.en, pair.nb)).toEqual(same);
    });
  }

  it('finds the facts of each pair', () => {
    expect(facts(PAIRS.retention!.en, 'en')).toEqual(['duration 10 day', 'duration 45 day', 'duration 90 day', 'duration 21 day']);
    expect(facts(PAIRS.encryption!.nb, 'nb')).toEqual(['name TLS 1.3', 'name AES-256', 'name NCS']);
    expect(facts(PAIRS.continuity!.nb, 'nb')).toEqual(['name Nordlys', 'duration 8 hour', 'duration 8 hour']);
    expect(facts(PAIRS.compliance!.en, 'en')).toEqual(['name GDPR', 'name EU AI Act', 'name ISO 27001:2022', 'name Q3 2027', 'name SOC 2 Type II', 'name Nordlys', 'name Tilsynsrådet']);
    expect(facts(PAIRS.subprocessors!.nb, 'nb')).toEqual(['url https://nordlys.example/subprocessors']);
    expect(facts(PAIRS.physical!.nb, 'nb')).toEqual(['name NCS', 'number 27001', 'name 24/7']);
    expect(facts(PAIRS.hosting!.en, 'en')).toEqual(['name NCS', 'name eu-west-9']);
    expect(facts(PAIRS.contacts!.en, 'en')).toEqual(['email security@nordlys.example', 'number 912345678']);
  });

  it('reports exactly the one fact changed in a translation', () => {
    expect(compare(PAIRS.retention!.en, PAIRS.retention!.nb.replace('innen 90 dager', 'innen 120 dager'))).toEqual({ missing: ['duration 90 day'], added: ['duration 120 day'] });
    expect(compare(PAIRS.encryption!.en, PAIRS.encryption!.nb.replace('TLS 1.3', 'TLS 1.2'))).toEqual({ missing: ['name TLS 1.3'], added: ['name TLS 1.2'] });
    expect(compare(PAIRS.continuity!.en, PAIRS.continuity!.nb.replace('RPO 8 timer', 'RPO 8 minutter'))).toEqual({ missing: ['duration 8 hour'], added: ['duration 8 minute'] });
    expect(compare(PAIRS.compliance!.en, PAIRS.compliance!.nb.replace('Q3 2027', 'Q4 2027'))).toEqual({ missing: ['name Q3 2027'], added: ['name Q4 2027'] });
    expect(compare(PAIRS.subprocessors!.en, PAIRS.subprocessors!.nb.replace('(https://nordlys.example/subprocessors)', '(https://nordlys.example/underleverandorer)'))).toEqual({
      missing: ['url https://nordlys.example/subprocessors'],
      added: ['url https://nordlys.example/underleverandorer'],
    });
    expect(compare(PAIRS.hosting!.en, PAIRS.hosting!.nb.replace('eu-west-9', 'eu-north-1'))).toEqual({ missing: ['name eu-west-9'], added: ['name eu-north-1'] });
    expect(compare(PAIRS.contacts!.en, PAIRS.contacts!.nb.replace('security@nordlys.example', 'sikkerhet@nordlys.example'))).toEqual({ missing: ['email security@nordlys.example'], added: ['email sikkerhet@nordlys.example'] });
  });

  it('reports a number missing, a number added and a name dropped', () => {
    expect(compare(PAIRS.retention!.en, PAIRS.retention!.nb.replace(' Sensordata slettes innen 10 dager.', ''))).toEqual({ missing: ['duration 10 day'], added: [] });
    expect(compare(PAIRS.contacts!.en, `${PAIRS.contacts!.nb} Vi svarer 3 ganger.`)).toEqual({ missing: [], added: ['number 3'] });
    expect(compare(PAIRS.compliance!.en, PAIRS.compliance!.nb.replace('hos Tilsynsrådet', 'hos tilsynsmyndigheten'))).toEqual({ missing: ['name Tilsynsrådet'], added: [] });
    expect(compare('Organisation number 912 345 678.', 'Organisasjonsnummer 912 345 687.')).toEqual({ missing: ['number 912345678'], added: ['number 912345687'] });
  });

  it('compares facts as a multiset: a fact given twice must be there twice', () => {
    expect(compare(PAIRS.continuity!.en, PAIRS.continuity!.nb.replace(', RPO 8 timer', ''))).toEqual({ missing: ['duration 8 hour'], added: [] });
  });
});

describe('translation facts: numbers', () => {
  it('reads thousands separators of both languages as one number', () => {
    expect(facts('1,000 and 1000 and 1 000 and 12,345,678', 'en')).toEqual(['number 1000', 'number 1000', 'number 1000', 'number 12345678']);
    expect(facts('1 000, 1\u00a0000, 1\u202f000, 1000 og 12 345 678', 'nb')).toEqual(['number 1000', 'number 1000', 'number 1000', 'number 1000', 'number 12345678']);
    expect(compare('Up to 1,000 users.', 'Opptil 1\u00a0000 brukere.')).toEqual(same);
  });

  it('reads decimal marks of both languages as the same value', () => {
    expect(facts('99.9 and 0.50 and 1,000.5', 'en')).toEqual(['number 99.9', 'number 0.5', 'number 1000.5']);
    expect(facts('99,9 og 0,50 og 1 000,5', 'nb')).toEqual(['number 99.9', 'number 0.5', 'number 1000.5']);
    expect(compare('an average of 2.5 incidents', 'i snitt 2,5 hendelser')).toEqual(same);
    expect(compare('an average of 2.5 incidents', 'i snitt 2,6 hendelser')).toEqual({ missing: ['number 2.5'], added: ['number 2.6'] });
  });

  it('reads a foreign decimal mark leniently, but not one that could be a thousands group', () => {
    expect(facts('avsnitt 5.1', 'nb')).toEqual(['number 5.1']);
    expect(facts('1.000 brukere', 'nb')).toEqual(['name 1.000']);
    expect(compare('1,000 users', '1.000 brukere')).toEqual({ missing: ['number 1000'], added: ['name 1.000'] });
  });

  it('does not join a year or a number after punctuation into a thousands group', () => {
    expect(facts('in 2026 100 customers', 'en')).toEqual(['number 2026', 'number 100']);
    expect(facts('items 1, 200 and 300', 'en')).toEqual(['number 1', 'number 200', 'number 300']);
    expect(facts('1\n000', 'nb')).toEqual(['number 1', 'number 0']);
  });

  it('reads a scale word with its number', () => {
    expect(facts('1.5 million requests and 2 billion tokens', 'en')).toEqual(['number 1.5 million', 'number 2 billion']);
    expect(compare('1.5 million requests and 2 billion tokens', '1,5 millioner forespørsler og 2 milliarder tokener')).toEqual(same);
    expect(compare('2 billion tokens', '2 millioner tokener')).toEqual({ missing: ['number 2 billion'], added: ['number 2 million'] });
  });

  it('reads ordinals and ranges as numbers', () => {
    expect(compare('the 3rd party review', 'den 3. gjennomgangen')).toEqual(same);
    expect(facts('1–2 business days', 'en')).toEqual(['number 1', 'duration 2 business-day']);
    expect(compare('1-2 business days', '1–2 virkedager')).toEqual(same);
  });
});

describe('translation facts: identifiers and names', () => {
  it('keeps identifiers and versions as written', () => {
    expect(facts('TLS 1.3, AES-256, SHA-256, eu-west-9, GRC-01, CC1.3, 27001:2022, 5.1.2, SOC2', 'en', [])).toEqual([
      'name TLS 1.3',
      'name AES-256',
      'name SHA-256',
      'name eu-west-9',
      'name GRC-01',
      'name CC1.3',
      'name 27001:2022',
      'name 5.1.2',
      'name SOC2',
    ]);
    expect(facts('TLS 1.3-tilkoblinger med AES-256-kryptering i eu-west-9', 'nb', [])).toEqual(['name TLS 1.3', 'name AES-256', 'name eu-west-9']);
  });

  it('reports a version written the Norwegian way, since identifiers stay verbatim', () => {
    expect(compare('encrypted using TLS 1.3.', 'kryptert med TLS 1,3.', [])).toEqual({ missing: ['name TLS 1.3'], added: ['number 1.3'] });
  });

  it('reads an all-caps word before a quantity as no name ("RTO 1.5 hours", "EUR 1.5")', () => {
    expect(facts('RTO 1.5 hours and EUR 1.5', 'en', [])).toEqual(['duration 1.5 hour', 'number 1.5']);
  });

  it('finds caller names case-sensitively and word-bounded, the longest first', () => {
    expect(facts('NCS, NCSome, ncs, (NCS) and NCS\'', 'en', ['NCS'])).toEqual(['name NCS', 'name NCS', 'name NCS']);
    expect(facts('Certified to ISO/IEC 27001:2022.', 'en', ['ISO/IEC 27001:2022', 'ISO'])).toEqual(['name ISO/IEC 27001:2022']);
    expect(compare('Hosted by NCS and Edgely.', 'Driftes hos NCS.', ['NCS', 'Edgely'])).toEqual({ missing: ['name Edgely'], added: [] });
  });

  it('reads quarter and half-year labels as names, also written out', () => {
    expect(facts('Target: H2 2026, Q4 2026, the second half of 2026, the 1st quarter of 2027', 'en', [])).toEqual(['name H2 2026', 'name Q4 2026', 'name H2 2026', 'name Q1 2027']);
    expect(facts('Mål: 2. halvår 2026, andre halvår 2026, fjerde kvartal 2026, 1. kvartal 2027', 'nb', [])).toEqual(['name H2 2026', 'name H2 2026', 'name Q4 2026', 'name Q1 2027']);
    expect(compare('Target completion: H2 2026.', 'Mål for ferdigstillelse: andre halvår 2026.')).toEqual(same);
    expect(compare('Target completion: H2 2026.', 'Mål for ferdigstillelse: 2. halvår 2026 (H2 2026).')).toEqual({ missing: [], added: ['name H2 2026'] });
    expect(facts('the fifth quarter of 2026 and 3. halvår 2026', 'nb', [])).toEqual(['number 2026', 'number 3', 'number 2026']);
  });

  it('finds a name in the Norwegian genitive ("Nordlyss", "NCS\'") but not inside another word', () => {
    expect(compare('Nordlys\'s offices and NCS\'s data centres', 'Nordlyss kontorer og NCS\' datasentre')).toEqual(same);
    expect(extractFacts('Nordlyss kontorer', 'nb', NAMES)).toEqual([{ kind: 'name', value: 'Nordlys', text: 'Nordlyss' }]);
    expect(facts('Nordlyssystem og Nordlyss', 'en', ['Nordlys'])).toEqual([]);
  });
});

describe('translation facts: percentages', () => {
  it('reads every way of writing a percentage as one value', () => {
    expect(facts('99.9% and 99.9 % and 99.9 percent and 99.9 per cent', 'en')).toEqual(['percentage 99.9%', 'percentage 99.9%', 'percentage 99.9%', 'percentage 99.9%']);
    expect(facts('99,9 % og 99,9% og 99,9\u00a0% og 99,9 prosent og 100 000 %', 'nb')).toEqual(['percentage 99.9%', 'percentage 99.9%', 'percentage 99.9%', 'percentage 99.9%', 'percentage 100000%']);
    expect(compare('99.9% uptime', '99,9 % oppetid')).toEqual(same);
    expect(compare('99.9% uptime', '99,5 % oppetid')).toEqual({ missing: ['percentage 99.9%'], added: ['percentage 99.5%'] });
    expect(compare('99.9% uptime', '99,9 oppetid')).toEqual({ missing: ['percentage 99.9%'], added: ['number 99.9'] });
  });
});

describe('translation facts: dates', () => {
  it('reads a date in both languages as the same day', () => {
    expect(facts('27 November 2026, November 27, 2026 and 2026-11-27', 'en')).toEqual(['date 2026-11-27', 'date 2026-11-27', 'date 2026-11-27']);
    expect(facts('27. november 2026, 27 november 2026, 27.11.2026 og 2026-11-27', 'nb')).toEqual(['date 2026-11-27', 'date 2026-11-27', 'date 2026-11-27', 'date 2026-11-27']);
    expect(compare('Last reviewed on 27 November 2026.', 'Sist gjennomgått 27. november 2026.')).toEqual(same);
    expect(compare('Last reviewed on 27 November 2026.', 'Sist gjennomgått 28. november 2026.')).toEqual({ missing: ['date 2026-11-27'], added: ['date 2026-11-28'] });
  });

  it('counts a date\'s year as part of the date, not again as a number', () => {
    expect(facts('Since 1 March 2025, and since 2019.', 'en')).toEqual(['date 2025-03-01', 'number 2019']);
  });

  it('reads month and year, and day and month', () => {
    expect(compare('From November 2026 until 1 December.', 'Fra november 2026 til 1. desember.')).toEqual(same);
    expect(facts('From November 2026 until 1 December.', 'en')).toEqual(['date 2026-11', 'date --12-01']);
  });

  it('does not read the English verb "may" or a Norwegian date as a numbered list item', () => {
    expect(facts('You may 2 times ask.', 'en')).toEqual(['number 2']);
    expect(facts('27. november 2026 ble rapporten publisert.\n1. Første punkt', 'nb')).toEqual(['date 2026-11-27']);
  });

  it('reads times of day, and the Norwegian "kl. 09.00"', () => {
    expect(facts('Support from 9:00 to 17:00 CET, 08:30–16:00 on Fridays.', 'en')).toEqual(['date T09:00', 'date T17:00', 'date T08:30', 'date T16:00']);
    expect(compare('Support from 9:00 to 17:00 CET.', 'Kundestøtte fra kl. 09.00 til kl. 17.00 CET.')).toEqual(same);
    expect(compare('Support from 9:00 to 17:00 CET.', 'Kundestøtte kl. 09.00–16.00 CET.')).toEqual({ missing: ['date T17:00'], added: ['date T16:00'] });
    expect(facts('27001:2022 and 25:00 and 09.00', 'nb', [])).toEqual(['name 27001:2022', 'name 25:00', 'number 9']);
  });

  it('keeps an impossible ISO date as written', () => {
    expect(facts('2026-02-30', 'en')).toEqual(['name 2026-02-30']);
  });
});

describe('translation facts: durations', () => {
  it('reads a number and a unit as one duration, not also as a number', () => {
    expect(facts('30 days, 2 business days, 24 hours, 12 months, 1 year, 4 weeks, 15 minutes, 30 seconds', 'en')).toEqual([
      'duration 30 day',
      'duration 2 business-day',
      'duration 24 hour',
      'duration 12 month',
      'duration 1 year',
      'duration 4 week',
      'duration 15 minute',
      'duration 30 second',
    ]);
    expect(facts('30 dager, 2 virkedager, 24 timer, 1 time, 12 måneder, 1 måned, 1 år, 4 uker, 1 uke, 15 minutter, 30 sekunder, 1 dag', 'nb')).toEqual([
      'duration 30 day',
      'duration 2 business-day',
      'duration 24 hour',
      'duration 1 hour',
      'duration 12 month',
      'duration 1 month',
      'duration 1 year',
      'duration 4 week',
      'duration 1 week',
      'duration 15 minute',
      'duration 30 second',
      'duration 1 day',
    ]);
  });

  it('reads spelled-out small numbers before a unit as the number', () => {
    expect(compare('within seven days', 'innen 7 dager')).toEqual(same);
    expect(compare('within 7 days', 'innen sju dager')).toEqual(same);
    expect(compare('within 7 days', 'innen syv dager')).toEqual(same);
    expect(compare('within twelve months', 'innen tolv måneder')).toEqual(same);
    expect(compare('within an hour, once a year', 'innen en time, én gang i året')).toEqual(same);
    expect(compare('within seven days', 'innen åtte dager')).toEqual({ missing: ['duration 7 day'], added: ['duration 8 day'] });
    expect(facts('one of the reasons', 'en')).toEqual([]);
  });

  it('reads compounds: "30-day notice", "30 dagers varsel", "ISO 27001-certified"', () => {
    expect(compare('a 30-day notice period', 'en varslingsfrist på 30 dager')).toEqual(same);
    expect(compare('30 days\' notice', '30 dagers varsel')).toEqual(same);
    expect(compare('ISO 27001-certified', 'ISO 27001-sertifisert', [])).toEqual(same);
  });

  it('reports a changed unit', () => {
    expect(compare('within 30 days', 'innen 30 virkedager')).toEqual({ missing: ['duration 30 day'], added: ['duration 30 business-day'] });
  });
});

describe('translation facts: e-mail addresses and URLs', () => {
  it('reads e-mail addresses exactly, also in mailto: links and autolinks', () => {
    expect(facts('Write to <security@nordlys.example>, [us](mailto:contact@nordlys.example) or privacy@nordlys.example.', 'en')).toEqual([
      'email security@nordlys.example',
      'email contact@nordlys.example',
      'email privacy@nordlys.example',
    ]);
  });

  it('reads URLs without a trailing slash, in links, autolinks and text', () => {
    expect(facts('See [the list](https://nordlys.example/subprocessors/ "Sub-processors"), <https://nordlys.example/legal> and https://nordlys.example/.', 'en')).toEqual([
      'url https://nordlys.example/subprocessors',
      'url https://nordlys.example/legal',
      'url https://nordlys.example',
    ]);
    expect(compare('See https://nordlys.example/legal.', 'Se [vilkårene](https://nordlys.example/legal/).')).toEqual(same);
    expect(compare('See https://nordlys.example/legal.', 'Se https://nordlys.example/juridisk.')).toEqual({ missing: ['url https://nordlys.example/legal'], added: ['url https://nordlys.example/juridisk'] });
  });
});

describe('translation facts: markup', () => {
  it('ignores tag and attribute names and Markdown syntax, but counts attribute values and link URLs', () => {
    expect(facts('## 2 Heading\n\n1. First\n2) Second\n- 3 items\n> 4 quoted\n\n<Grid2 cols-3 data-v2="4 hours" value={5} />\n<h2>Title</h2>\n| a | 6 |\n|---|:-:|\n<!-- 7 days -->\n{/* 8 */}', 'en', [])).toEqual([
      'number 2',
      'number 3',
      'number 4',
      'duration 4 hour',
      'number 5',
      'number 6',
    ]);
    expect(compare('<Stat value="99.9%" label="uptime" />', '<Stat value="99,9 %" label="oppetid" />')).toEqual(same);
    expect(compare('**30** days', '**30** dager')).toEqual(same);
  });

  it('treats a lone "<" as text', () => {
    expect(facts('latency < 200 ms and <5 errors', 'en', [])).toEqual(['number 200', 'number 5']);
  });
});

describe('translation facts: languages', () => {
  it('refuses a language it has no table for, naming the ones it has', () => {
    expect(() => extractFacts('30 Tage', 'de', [])).toThrow('The fact rule knows no language "de" (it knows en, nb)');
  });
});

describe('translation facts: findings', () => {
  const location = { sourceFile: 'content/faq/x.mdx', translationFile: 'content/nb/faq/x.mdx', field: 'body' };
  const lines = (source: string, translation: string, names: readonly string[] = []) =>
    pairFactDifferences(compareFacts(source, 'en', translation, 'nb', names)).map((difference) => describeFactDifference(location, difference));

  it('names both files, the field, and what each says', () => {
    expect(lines('within 30 days', 'innen 31 dager')).toEqual(['content/nb/faq/x.mdx: body: "31 dager" where content/faq/x.mdx says "30 days" (translation-facts)']);
    expect(lines('within 30 days and 2 hours', 'innen 2 timer')).toEqual(['content/nb/faq/x.mdx: body: content/faq/x.mdx says "30 days" (duration 30 day), which is missing here (translation-facts)']);
    expect(lines('Hosted by NCS.', 'Driftes hos NCS i 1 000 år.', ['NCS'])).toEqual(['content/nb/faq/x.mdx: body: "1 000 år" (duration 1000 year) is not in content/faq/x.mdx (translation-facts)']);
  });

  it('pairs only facts of the same kind, in order', () => {
    const fact = (kind: Fact['kind'], value: string): Fact => ({ kind, value, text: value });
    expect(pairFactDifferences({ missing: [fact('number', '1'), fact('url', 'https://a.example'), fact('number', '2')], added: [fact('email', 'a@b.no'), fact('number', '3')] })).toEqual([
      { missing: fact('number', '1'), added: fact('number', '3') },
      { missing: fact('url', 'https://a.example') },
      { missing: fact('number', '2') },
      { added: fact('email', 'a@b.no') },
    ]);
  });
});

describe('translation facts: long texts', () => {
  it('reads 100 KB of prose, and of input made to trip a backtracking scanner, in one pass', () => {
    const paragraph = `${PAIRS.retention!.en} ${PAIRS.compliance!.en} ${PAIRS.subprocessors!.en} Up to 1,000 users, 99.9% uptime, since 27 November 2026.\n\n`;
    const prose = paragraph.repeat(Math.ceil(100_000 / paragraph.length));
    expect(prose.length).toBeGreaterThanOrEqual(100_000);
    const perParagraph = extractFacts(paragraph, 'en', NAMES).length;
    expect(extractFacts(prose, 'en', NAMES)).toHaveLength(perParagraph * Math.ceil(100_000 / paragraph.length));
    expect(compareFacts(prose, 'en', prose, 'en', NAMES)).toEqual({ missing: [], added: [] });

    const hostile = [
      '<a '.repeat(34_000),
      '<a b="'.repeat(17_000),
      '<a {'.repeat(25_000),
      '](x "'.repeat(20_000),
      '<!--'.repeat(25_000),
      `${'a'.repeat(100_000)}@`,
      '{'.repeat(100_000),
      '1.2'.repeat(34_000),
      '- '.repeat(50_000),
      `${'1-'.repeat(50_000)}day`,
      `0,${'0'.repeat(100_000)}1`,
      `https://${'/'.repeat(100_000)}x`,
      `1${'0'.repeat(100_000)}`,
    ];
    for (const text of hostile) expect(extractFacts(text, 'nb', NAMES).length).toBeLessThanOrEqual(1);
    const chain = extractFacts(`1${' 000'.repeat(25_000)}`, 'nb', []);
    expect(chain.map((fact) => fact.value)).toEqual([`1${'000'.repeat(25_000)}`]);
    expect(extractFacts('TLS 1.3 and NCS '.repeat(7_000), 'nb', ['NCS'])).toHaveLength(14_000);
  });
});
