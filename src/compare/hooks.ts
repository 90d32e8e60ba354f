/** The hooks the compare folder registers with the core (src/app/register-hooks.ts imports this): its URL section. */
import './url-section';
