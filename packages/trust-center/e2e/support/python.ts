import { execFileSync } from 'node:child_process';

/**
 * A Python 3 that can import openpyxl, the workbook reader the questionnaire tests use because it
 * shares no code with the writer: the one on PATH, else the system's, where `.ci/run` installs
 * Debian's python3-openpyxl when pip cannot install it.
 */
export function pythonWithOpenpyxl(): string {
  for (const candidate of ['python3', '/usr/bin/python3']) {
    try {
      execFileSync(candidate, ['-c', 'import openpyxl'], { stdio: 'ignore' });
      return candidate;
    } catch {
      // Not there, or without openpyxl: try the next one.
    }
  }
  throw new Error('reading questionnaire.xlsx back needs openpyxl: `python3 -m pip install openpyxl` or `apt-get install python3-openpyxl`');
}
