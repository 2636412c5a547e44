import { useState, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEndpoints } from '../../api/context';
import { fieldErrors } from '../../api/messages';
import { TextArea, TextField } from '../../components/Field';
import { ProblemAlert } from '../../components/ProblemAlert';
import { qk } from '../../lib/queryKeys';

/** Sets up the signed-in user's creator profile (POST /api/creators). */
export function BecomeCreatorForm({ userId, defaultName }: { userId: string; defaultName: string }) {
  const endpoints = useEndpoints();
  const queryClient = useQueryClient();
  const [handle, setHandle] = useState('');
  const [displayName, setDisplayName] = useState(defaultName);
  const [bio, setBio] = useState('');
  const create = useMutation({
    mutationFn: () =>
      endpoints.creators.create({
        handle: handle.trim(),
        displayName: displayName.trim(),
        ...(bio.trim() ? { bio: bio.trim() } : {}),
      }),
    onSuccess: (creator) => queryClient.setQueryData(qk.myCreator(userId), creator),
  });
  const fields = fieldErrors(create.error);
  function onSubmit(e: FormEvent) {
    e.preventDefault();
    create.mutate();
  }
  return (
    <section className="panel" aria-labelledby="become-creator-heading">
      <h2 id="become-creator-heading">Become a creator</h2>
      <p>Run limited drops for your followers. Pick a handle — it is how people find you.</p>
      <form onSubmit={onSubmit} className="form">
        <TextField
          label="Handle"
          required
          value={handle}
          onChange={(e) => setHandle(e.target.value)}
          pattern="[A-Za-z0-9_]{3,30}"
          hint="3 to 30 letters, digits or underscores."
          autoComplete="off"
          error={fields.handle}
        />
        <TextField
          label="Display name"
          required
          value={displayName}
          onChange={(e) => setDisplayName(e.target.value)}
          error={fields.displayName}
        />
        <TextArea
          label="Bio (optional)"
          value={bio}
          onChange={(e) => setBio(e.target.value)}
          rows={3}
          error={fields.bio}
        />
        <ProblemAlert error={create.error} />
        <button type="submit" className="button button-primary" disabled={create.isPending}>
          {create.isPending ? 'Creating…' : 'Become a creator'}
        </button>
      </form>
    </section>
  );
}
