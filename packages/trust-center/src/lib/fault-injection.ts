/**
 * For tests only: `TRUST_CENTER_FAIL_AT=render|print|search|checks` makes that step of the build throw
 * (`print`: after the first PDF is printed, while it is being finished),
 * so tests/build/atomic-output.test.ts can show that a failure at any step leaves the previous
 * `dist/` as it was. Steps that fail for real in a test (the content check, with broken content;
 * the PDFs, with a CHROMIUM_PATH that cannot print) are not listed. Unset, it does nothing.
 */
export const FAULT_STEPS = ['render', 'print', 'search', 'checks'] as const;
export type FaultStep = (typeof FAULT_STEPS)[number];

export function failIfAskedAt(step: FaultStep, env: NodeJS.ProcessEnv = process.env): void {
  if (env.TRUST_CENTER_FAIL_AT === step) {
    throw new Error(`TRUST_CENTER_FAIL_AT=${step}: the ${step} step fails on purpose (set only by tests)`);
  }
}
