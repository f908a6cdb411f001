import { defineMiddleware } from 'astro:middleware';
import { renderInLanguage } from './i18n/index.ts';
import { isTranslation, pageLanguage } from './i18n/editions.ts';
import { localizeLinks } from './lib/translations/links.ts';
import { hasTranslationTwin } from './routes.ts';

/**
 * Renders each page of a translation in its language: its data helpers, formatters and words all
 * read it (i18n/index.ts renderInLanguage), and its links point at its own edition
 * (lib/translations/links.ts): a Norwegian page's link to /faq/ becomes /nb/faq/. Pages of the
 * source language pass as they are.
 */
export const onRequest = defineMiddleware(async (context, next) => {
  const language = pageLanguage(context.url);
  if (!isTranslation(language)) return next();
  return renderInLanguage(language, async () => {
    const response = await next();
    // Read inside the language's context: a streamed page renders while its body is read.
    const body = await response.text();
    const isPage = (response.headers.get('content-type') ?? '').includes('text/html');
    return new Response(isPage ? localizeLinks(body, language, hasTranslationTwin) : body, { status: response.status, statusText: response.statusText, headers: response.headers });
  });
});
