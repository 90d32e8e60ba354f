/** Presenter mode for one control: hidden (hide=…) or locked (lock=… names its scenario key). */
import type { Scenario } from '../domain/scenario';
import { useAppStore } from '../store/context';
import { isHidden, lockedFields } from './presenter-logic';

export function usePresenterControl(testId: string, field?: keyof Scenario): { hidden: boolean; locked: boolean } {
  const presenter = useAppStore((s) => s.presenter);
  return {
    hidden: isHidden(presenter, testId),
    locked: field !== undefined && lockedFields(presenter).includes(field),
  };
}
