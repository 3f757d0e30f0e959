// Changes to the address's query made from the address as it is now. The router renders a navigation as a
// transition, so a second change made before that render (a click on the pager right after a click on a
// column) would otherwise start from the query the page last rendered and undo the first.
import { useCallback } from 'react';
import { useSearchParams } from 'react-router-dom';

export function useQueryChange(): [URLSearchParams, (change: (current: URLSearchParams) => URLSearchParams) => void] {
  const [query, setQuery] = useSearchParams();
  const change = useCallback(
    (next: (current: URLSearchParams) => URLSearchParams) => setQuery(next(new URLSearchParams(window.location.search)), { replace: true }),
    [setQuery],
  );
  return [query, change];
}
