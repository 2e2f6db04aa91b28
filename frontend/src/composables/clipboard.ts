/**
 * Copies text to the clipboard. The Clipboard API exists only in secure
 * contexts (https or localhost); a ministry intranet served over plain http
 * gets the older selection-and-copy way instead.
 */
export async function copyText(
  text: string,
  doc: Document = document,
  nav: Pick<Navigator, 'clipboard'> | undefined = globalThis.navigator,
): Promise<boolean> {
  try {
    if (nav?.clipboard?.writeText) {
      await nav.clipboard.writeText(text);
      return true;
    }
  } catch {
    // Denied (no user gesture, or a permissions policy): try the fallback.
  }
  const area = doc.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.position = 'fixed';
  area.style.opacity = '0';
  doc.body.appendChild(area);
  area.select();
  try {
    return doc.execCommand('copy');
  } catch {
    return false;
  } finally {
    area.remove();
  }
}
