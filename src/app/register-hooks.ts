/**
 * The features' hooks into the core, registered once: the URL hooks of the keys byod and lab own
 * (src/store/url/field-codecs.ts), their restorers of saved state (src/store/restore.ts) and the presenter locks'
 * scenario guard (src/store/scenario-guard.ts), the teaching folder's URL section (src/store/url/sections.ts) and
 * its presets and lessons (src/store/teaching-source.ts), and the compare folder's URL section (the `cmp` key). src/main.tsx
 * imports this before it builds the store, and so does the test setup (vite.config.ts `test.setupFiles`).
 */
import '../byod/hooks';
import '../lab/hooks';
import '../teaching/hooks';
import '../compare/hooks';
