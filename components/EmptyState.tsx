import type { ComponentChildren } from 'preact';

type EmptyStateProps = {
  title: string;
  testId?: string;
  /** Which empty case this is, for tests and styling. */
  kind?: string;
  children?: ComponentChildren;
};

/** Says what is missing and, in its children, what the reader can do about it. */
export function EmptyState({ title, testId, kind, children }: EmptyStateProps) {
  return (
    <section class="rc-empty" data-testid={testId} data-state={kind} role="status">
      <p>
        <strong>{title}</strong>
      </p>
      {children}
    </section>
  );
}
