import { useEffect, useRef, useState } from 'react';

/**
 * A status message shown after an action that changes the page (a decision removes its own button): the message
 * takes the focus, so that keyboard and screen-reader users are not left on a button that no longer exists.
 */
export function useNotice() {
  const [notice, setNotice] = useState('');
  const ref = useRef<HTMLParagraphElement | null>(null);
  useEffect(() => {
    if (notice) ref.current?.focus();
  }, [notice]);
  return { notice, setNotice, ref };
}
