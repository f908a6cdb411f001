/**
 * The creation and modification date written into the PDFs: SOURCE_DATE_EPOCH (seconds since
 * 1970, the reproducible-builds convention) when set, so two builds give the same bytes;
 * otherwise the time of the build.
 */
export function pdfDate(env: NodeJS.ProcessEnv = process.env, now: Date = new Date()): Date {
  if (!pdfDateFixed(env)) return now;
  const epoch = env.SOURCE_DATE_EPOCH ?? '';
  if (!/^\d{1,12}$/.test(epoch)) {
    throw new Error(`SOURCE_DATE_EPOCH must be a whole number of seconds since 1970-01-01, got "${epoch}"`);
  }
  return new Date(Number(epoch) * 1000);
}

/** Whether SOURCE_DATE_EPOCH fixes the PDFs' date (else it is the time of the build). */
export function pdfDateFixed(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.SOURCE_DATE_EPOCH !== undefined && env.SOURCE_DATE_EPOCH !== '';
}
