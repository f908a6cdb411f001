import { expect, test, type Page } from '@playwright/test';

/**
 * Norwegian reviewers' questions on the Norwegian search page (/nb/search/), and the section of the
 * Norwegian edition that answers each: among the first three results, and only Norwegian pages.
 */
const questions: { question: string; answer: string | string[] }[] = [
  { question: 'Hvor lagres dataene våre?', answer: '/nb/faq/#where-is-my-data-stored' },
  { question: 'Brukes dataene våre til å trene KI-modeller?', answer: '/nb/faq/#is-my-data-used-to-train-ai-models' },
  { question: 'Kan vi få rapporten fra en penetrasjonstest?', answer: '/nb/faq/#can-i-request-a-penetration-test-report' },
  { question: 'Er dataene kryptert ved lagring?', answer: ['/nb/whitepaper/#data-encryption', '/nb/#control-encryption-at-rest'] },
  { question: 'Hvilke KI-leverandører bruker dere?', answer: '/nb/faq/#which-ai-providers-does-opisense-use' },
  { question: 'Hvordan melder jeg fra om en sårbarhet?', answer: '/nb/faq/#how-do-i-report-a-security-concern' },
  { question: 'Hvor lenge oppbevares taledata etter at avtalen opphører?', answer: '/nb/faq/#what-happens-to-my-data-after-contract-termination' },
  { question: 'Er dere sertifisert etter ISO 27001?', answer: ['/nb/certifications/#iso-27001', '/nb/whitepaper/#compliance-and-certifications'] },
  { question: 'Hvilken skyleverandør bruker dere?', answer: '/nb/subprocessors/aws/' },
  { question: 'Varsler dere før en ny underdatabehandler tas i bruk?', answer: ['/nb/whitepaper/#sub-processor-management', '/nb/#control-subprocessor-change-notice'] },
  { question: 'Har dere en databehandleravtale?', answer: '/nb/documents/#document-data-processing-agreement' },
];

const field = (page: Page) => page.getByRole('main').getByRole('searchbox', { name: 'Spørsmålet ditt eller søkeord' });
const results = (page: Page) => page.getByRole('list', { name: 'Treff' }).getByRole('listitem');

for (const { question, answer: answers } of questions) {
  test(`«${question}» finds ${[answers].flat().join(' or ')} among the first three Norwegian results`, async ({ page }) => {
    await page.goto('/nb/search/');
    await field(page).fill(question);
    await expect(page.getByRole('status')).toHaveText(/treff for «/);
    const hrefs = await results(page).getByRole('link').evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
    // Only the Norwegian edition is searched (Pagefind's index for <html lang="nb">).
    expect(hrefs.length).toBeGreaterThan(0);
    for (const href of hrefs) expect(href, question).toMatch(/^\/nb\//);
    const answer = [answers].flat().find((href) => hrefs.slice(0, 3).includes(href));
    expect(answer, `first three results for «${question}»: ${hrefs.slice(0, 3).join(', ')}`).toBeDefined();
  });
}
