import { useRef, type KeyboardEvent } from 'react';
import { TOWNSHIP_SEARCH_KEYS } from '../../../shared/domain/township-search';
import { TOWNSHIPS } from '../../../shared/domain/townships';

const OPTIONS = TOWNSHIPS.map((t) => ({ code: t.code, name: t.name, ...TOWNSHIP_SEARCH_KEYS[t.code] }));

/**
 * The 18 townships as a native list (the setup screen has no antd). Typed letters pick by pinyin initials or full
 * pinyin (llz → 柳林镇), as the counter's TownshipSelect does; arrow keys and the opened list work as usual.
 */
export function TownshipNativeSelect({
  id,
  value,
  onChange,
  invalid,
}: {
  id: string;
  value: string;
  onChange: (code: string) => void;
  invalid?: boolean;
}) {
  const typed = useRef({ text: '', at: -Infinity });
  const onKeyDown = (e: KeyboardEvent<HTMLSelectElement>) => {
    if (e.altKey || e.ctrlKey || e.metaKey || !/^[a-z]$/i.test(e.key)) return;
    e.preventDefault(); // the browser's own type-ahead matches the names' first characters, never pinyin
    const text = (e.timeStamp - typed.current.at < 1000 ? typed.current.text : '') + e.key.toLowerCase();
    typed.current = { text, at: e.timeStamp };
    const found = OPTIONS.find((o) => o.initials.startsWith(text)) ?? OPTIONS.find((o) => o.full.startsWith(text));
    if (found) onChange(found.code);
  };
  return (
    <select
      id={id}
      className={`fs-input${value ? '' : ' fs-empty'}${invalid ? ' fs-invalid' : ''}`}
      value={value}
      onChange={(e) => onChange(e.target.value)}
      onKeyDown={onKeyDown}
      aria-invalid={invalid || undefined}
    >
      <option value="" disabled>
        选择乡镇（可输入拼音首字母）
      </option>
      {OPTIONS.map((t) => (
        <option key={t.code} value={t.code}>
          {t.name}
        </option>
      ))}
    </select>
  );
}
