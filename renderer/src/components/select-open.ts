import { useState } from 'react';

/**
 * Controlled `open` for a Select inside an Enter-to-next form. rc-select opens its list on Enter;
 * when Enter also moves the focus on, the select's own blur handler still sees itself closed and
 * leaves the list open under the next field. Closing on blur here keeps exactly one list open.
 */
export function useSelectOpen(onBlur?: () => void) {
  const [open, setOpen] = useState(false);
  return {
    open,
    onOpenChange: setOpen,
    onBlur: () => {
      setOpen(false);
      onBlur?.();
    },
  };
}
