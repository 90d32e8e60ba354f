/**
 * The hooks the teaching folder registers with the core (src/app/register-hooks.ts imports this): the presenter
 * locks' scenario guard (src/store/scenario-guard.ts), the presets and lessons the teaching slice loads
 * (src/store/teaching-source.ts) and the URL section of preset, lesson and step (src/store/url/sections.ts).
 */
import './scenario-guard';
import './teaching-source';
import './url-section';
