// Every degree figure opens its explanation (docs/web.md, "Why a figure"): one drawer for the whole app
// (ExplainProvider, in ExplainDrawer.tsx), opened from any percent, mean, count, tier or change wrapped in
// <Explainable>, which makes its content a button (a click, or Enter or Space with the keyboard). Without a
// provider (a component shown on its own) the content is shown as it is.
import { createContext, useContext, type KeyboardEvent, type MouseEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExplainTarget } from '../lib/explain';

export type OpenExplanation = (target: ExplainTarget) => void;

/** The function that opens the drawer, given by ExplainProvider. */
export const ExplainContext = createContext<OpenExplanation | null>(null);

/** Opens the drawer on a figure; null outside an ExplainProvider. */
export function useExplainer(): OpenExplanation | null {
  return useContext(ExplainContext);
}

/** `children` opens the explanation of `target` (nothing when target is null or undefined). */
export function Explainable({ target, children, testId }: { target: ExplainTarget | null | undefined; children: ReactNode; testId?: string }) {
  const { t } = useTranslation('explain');
  const open = useExplainer();
  if (!open || !target) return <>{children}</>;
  const go = (event: MouseEvent | KeyboardEvent) => {
    // A figure inside a clickable row or card opens its explanation only.
    event.stopPropagation();
    event.preventDefault();
    open(target);
  };
  return (
    <span
      role="button"
      tabIndex={0}
      aria-haspopup="dialog"
      title={target.compare ? t('openChange') : t('open')}
      data-testid={testId}
      data-explain={target.figure}
      data-dimension={target.dimension}
      className="brm-explainable"
      onClick={go}
      onKeyDown={(event) => {
        if (event.key === 'Enter' || event.key === ' ') go(event);
      }}
      style={{ cursor: 'pointer', borderBottom: '1px dashed #bfbfbf', display: 'inline-block', lineHeight: 'normal' }}
    >
      {children}
    </span>
  );
}
