// as: src/lab/LabSection.tsx
// The app shell's lab section importing the panel statically would pull onnxruntime-web into the page bundle.
import { LabPanel } from './LabPanel';

export const crossing = LabPanel;
