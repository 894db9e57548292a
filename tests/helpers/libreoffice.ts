import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** LibreOffice's command on this machine, or null (the DOCX checks then skip, which CI counts as a failure). */
export const LIBREOFFICE = ['soffice', 'libreoffice'].find((name) => spawnSync('which', [name]).status === 0) ?? null;

export const NO_LIBREOFFICE = 'LibreOffice is not installed (apt-get install libreoffice-writer-nogui to run this check)';

/** The PDF LibreOffice makes of a DOCX file, or null when it could not open it. */
export function convertDocxToPdf(office: string, docx: Buffer): Buffer | null {
  const dir = mkdtempSync(join(tmpdir(), 'annex-docx-'));
  try {
    writeFileSync(join(dir, 'annex.docx'), docx);
    execFileSync(office, ['--headless', '--convert-to', 'pdf', '--outdir', dir, join(dir, 'annex.docx')], { stdio: 'ignore', timeout: 120_000 });
    return existsSync(join(dir, 'annex.pdf')) ? readFileSync(join(dir, 'annex.pdf')) : null;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
