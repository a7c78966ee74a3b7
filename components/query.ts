/** `?tab=` and `?passage=` as numbers, when present and well formed. */
export function readQuery(search: string): { tab: number | null; passage: number | null } {
  const params = new URLSearchParams(search);
  const num = (name: string) => {
    const raw = params.get(name);
    if (raw === null || !/^\d+$/.test(raw)) return null;
    return Number(raw);
  };
  return { tab: num('tab'), passage: num('passage') };
}

export function isWebUrl(url: string | undefined): boolean {
  return url === undefined || /^https?:/i.test(url);
}

/** A dispatch's address as a link target: web addresses only, anything else stays text. */
export function webLink(url: string | undefined): string | null {
  if (!url) return null;
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.toString() : null;
  } catch {
    return null;
  }
}
