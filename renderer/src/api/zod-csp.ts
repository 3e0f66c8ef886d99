// renderer/: must be evaluated before any zod schema is built (import it first). The page's CSP
// forbids eval; without `jitless` zod probes `new Function` while building object schemas, and the
// browser reports a CSP violation even though zod catches the error.
import { config } from 'zod';

config({ jitless: true });
