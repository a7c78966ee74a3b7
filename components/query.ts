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
