import type { KeyboardEvent } from 'react';

const FIELD_SELECTOR =
  'input:not([type=hidden]):not([disabled]):not([readonly]), textarea:not([disabled]), select:not([disabled]), [role=combobox]:not([aria-disabled=true])';

function fieldsOf(form: HTMLElement): HTMLElement[] {
  return [...form.querySelectorAll<HTMLElement>(FIELD_SELECTOR)].filter((el) => {
    if (el.closest('[data-enter-skip]')) return false;
    if (el instanceof HTMLInputElement && (el.type === 'radio' || el.type === 'checkbox') && !el.checked) return false;
    return el.offsetParent !== null || el.getClientRects().length > 0;
  });
}

/**
 * Counter keyboards (and ID-card readers / barcode scanners, which type and press Enter) move
 * through a form with Enter; Enter on the last field submits. Ctrl+Enter submits from anywhere.
 */
export function enterToNext(submit: () => void) {
  return (event: KeyboardEvent<HTMLElement>) => {
    if (event.key !== 'Enter' || event.nativeEvent.isComposing) return;
    const target = event.target as HTMLElement;
    if (target instanceof HTMLTextAreaElement && !event.ctrlKey) return;
    if (target.getAttribute('aria-expanded') === 'true') return; // an open dropdown takes Enter itself
    if (target instanceof HTMLButtonElement) return;
    event.preventDefault();
    if (event.ctrlKey) {
      submit();
      return;
    }
    const fields = fieldsOf(event.currentTarget);
    const index = fields.indexOf(target);
    const next = index >= 0 ? fields[index + 1] : undefined;
    if (next) {
      next.focus();
      if (next instanceof HTMLInputElement) next.select();
    } else {
      submit();
    }
  };
}
