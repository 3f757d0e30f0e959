// Choosing an owner among the users the signed-in user may give a record to, by their person's name and
// login. The current owner stays shown even when they are not among the choices (a change keeps it).
import { Select } from 'antd';
import { useMemo } from 'react';
import { useNames } from '../../api/hooks';
import type { User } from '../../api/types';
import { usePerspective } from '../../state/perspective';

export function OwnerSelect({ choices, value, onChange, allowClear, testId, placeholder }: {
  choices: User[];
  value?: string | null;
  onChange?(value: string | null): void;
  allowClear?: boolean;
  testId?: string;
  placeholder?: string;
}) {
  const perspective = usePerspective();
  const current = value ? perspective.users.find((u) => u.id === value) : undefined;
  const shown = current && !choices.some((u) => u.id === current.id) ? [current, ...choices] : choices;
  const names = useNames('people', shown.map((u) => u.person));
  const options = useMemo(
    () => shown.map((u) => ({ value: u.id, label: names[u.person] ? `${names[u.person]} (${u.login})` : u.login })),
    [shown, names],
  );
  return (
    <Select
      data-testid={testId}
      showSearch
      optionFilterProp="label"
      allowClear={allowClear}
      disabled={shown.length <= 1 && !allowClear}
      placeholder={placeholder}
      value={value ?? undefined}
      onChange={(next?: string) => onChange?.(next ?? null)}
      options={options}
    />
  );
}
