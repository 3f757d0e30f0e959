// A search box that asks the server only once the user pauses typing: the text shows at once, `commit`
// runs `delay` ms after the last keystroke. A change of `value` from outside (a link, "clear filters")
// replaces the text.
import { useEffect, useRef, useState } from 'react';

export const SEARCH_DELAY = 300;

export function useDebouncedInput(value: string, commit: (text: string) => void, delay = SEARCH_DELAY): [string, (text: string) => void] {
  const [text, setText] = useState(value);
  const committed = useRef(value);
  const latest = useRef(commit);
  latest.current = commit;

  useEffect(() => {
    if (value === committed.current) return;
    committed.current = value;
    setText(value);
  }, [value]);

  useEffect(() => {
    if (text === committed.current) return undefined;
    const timer = setTimeout(() => {
      committed.current = text;
      latest.current(text);
    }, delay);
    return () => clearTimeout(timer);
  }, [text, delay]);

  return [text, setText];
}
