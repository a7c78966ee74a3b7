type BusyProps = { label: string };

/** A polite progress line; the region around it carries aria-busy. */
export function Busy({ label }: BusyProps) {
  return (
    <p class="rc-busy" role="status">
      <span class="rc-spinner" aria-hidden="true" />
      {label}
    </p>
  );
}
