import { useState, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { useEndpoints } from '../../api/context';
import { fieldErrors } from '../../api/messages';
import type { Creator } from '../../api/types';
import { TextArea, TextField } from '../../components/Field';
import { ProblemAlert } from '../../components/ProblemAlert';
import { countOf } from '../../lib/format';
import { qk } from '../../lib/queryKeys';

/** Edits the creator profile (PATCH /api/creators/me). */
export function ProfileForm({ creator }: { creator: Creator }) {
  const endpoints = useEndpoints();
  const queryClient = useQueryClient();
  const [displayName, setDisplayName] = useState(creator.displayName);
  const [bio, setBio] = useState(creator.bio ?? '');
  const [profileImageUrl, setProfileImageUrl] = useState(creator.profileImageUrl ?? '');
  const save = useMutation({
    mutationFn: () =>
      endpoints.creators.updateMe({ displayName: displayName.trim(), bio, profileImageUrl: profileImageUrl.trim() }),
    onSuccess: (updated) => {
      queryClient.setQueryData(qk.myCreator(creator.id), updated);
      queryClient.setQueryData(qk.creator(creator.id), updated);
    },
  });
  const fields = fieldErrors(save.error);
  function onSubmit(e: FormEvent) {
    e.preventDefault();
    save.mutate();
  }
  return (
    <section className="panel" aria-labelledby="profile-heading">
      <h2 id="profile-heading">Profile</h2>
      <p>
        @{creator.handle} · {countOf(creator.followerCount, 'follower')} ·{' '}
        <Link to={`/creators/${encodeURIComponent(creator.id)}`}>View public page</Link>
      </p>
      <form onSubmit={onSubmit} className="form">
        <TextField
          label="Display name"
          required
          value={displayName}
          onChange={(e) => setDisplayName(e.target.value)}
          error={fields.displayName}
        />
        <TextArea label="Bio" value={bio} onChange={(e) => setBio(e.target.value)} rows={3} error={fields.bio} />
        <TextField
          label="Profile image URL"
          type="url"
          value={profileImageUrl}
          onChange={(e) => setProfileImageUrl(e.target.value)}
          hint="Leave empty for none."
          error={fields.profileImageUrl}
        />
        <ProblemAlert error={save.error} />
        {save.isSuccess && (
          <p className="alert alert-success" role="status">
            Profile saved.
          </p>
        )}
        <button type="submit" className="button" disabled={save.isPending}>
          {save.isPending ? 'Saving…' : 'Save profile'}
        </button>
      </form>
    </section>
  );
}
