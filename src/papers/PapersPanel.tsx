/** The body of the seed-papers section (lazy chunk): the Wu et al. panel and the Plan Early panel. */
import { PlanEarlyPanel } from './PlanEarlyPanel';
import { WuPanel } from './WuPanel';

export default function PapersPanel() {
  return (
    <div className="papers">
      <WuPanel />
      <PlanEarlyPanel />
    </div>
  );
}
