// Saving text the reader asked for as a file: a Blob behind a temporary link, revoked once used.

/** `factlens-pack-2026-03-09.json`, dated in the reader's own time zone. */
export function packFileName(at: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `factlens-pack-${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}.json`;
}

export function downloadText(text: string, fileName: string, type = 'application/json'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  // The download has started from the click; the URL is kept a moment for slow browsers.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
