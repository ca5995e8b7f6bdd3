import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { launchChromium } from '@outage-lab/browser';

/**
 * Prints built decks to PDF with Chromium, one slide per page (the deck's print
 * stylesheet). Each deck is a local file with no requests, so nothing can time out
 * waiting for the network, the usual reason browser exports hang.
 */
export async function exportPdfs(htmlFiles: readonly string[], outDir: string, chromiumPath: string): Promise<string[]> {
  const browser = await launchChromium(chromiumPath);
  try {
    const context = await browser.newContext();
    const page = await context.newPage();
    const written: string[] = [];
    for (const file of htmlFiles) {
      const pdf = join(outDir, `${basename(file, '.html')}.pdf`);
      await page.goto(pathToFileURL(file).href);
      await page.pdf({ path: pdf, preferCSSPageSize: true, printBackground: true });
      written.push(pdf);
    }
    return written;
  } finally {
    await browser.close();
  }
}
