import { messageFor } from '../api/messages';
import { isProblem } from '../api/problem';

/** An error from the API (or anything thrown) as a human sentence in an alert. */
export function ProblemAlert({ error, prefix }: { error: unknown; prefix?: string }) {
  if (!error) return null;
  const text = isProblem(error) ? messageFor(error) : 'Something went wrong.';
  return (
    <p className="alert alert-error" role="alert" data-testid="problem">
      {prefix ? `${prefix} ` : ''}
      {text}
    </p>
  );
}

export function problemMessage(error: unknown): string {
  return isProblem(error) ? messageFor(error) : 'Something went wrong.';
}
