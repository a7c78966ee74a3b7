/** Offers `text` as a file download from an extension page; nothing leaves the browser. */
export function downloadText(text: string, filename: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  // The download has its own copy once started; the URL can go after this turn.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** recoupe-saved-2026-03-04.json */
export function exportFilename(ext: 'json' | 'md', now: Date = new Date()): string {
  return `recoupe-saved-${now.toISOString().slice(0, 10)}.${ext}`;
}
