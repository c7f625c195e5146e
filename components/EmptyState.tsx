interface EmptyStateProps {
  title: string;
  body: string;
  kind: string;
}

export function EmptyState({ title, body, kind }: EmptyStateProps) {
  return (
    <section className="empty" data-testid="empty-state" data-kind={kind}>
      <h2>{title}</h2>
      <p>{body}</p>
    </section>
  );
}
