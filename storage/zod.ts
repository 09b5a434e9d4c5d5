import { z } from 'zod';

// zod 4 compiles validators with `new Function`, which an MV3 extension's CSP forbids.
z.config({ jitless: true });

export { z };
