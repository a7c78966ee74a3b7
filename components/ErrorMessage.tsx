type ErrorMessageProps = { title: string; detail?: string; hint?: string };

export function ErrorMessage({ title, detail, hint }: ErrorMessageProps) {
  return (
    <section class="rc-error" role="alert" data-state="error">
      <p>
        <strong>{title}</strong>
      </p>
      {detail && <pre>{detail}</pre>}
      {hint && <p>{hint}</p>}
    </section>
  );
}
