export function chromiumPath(): string;
export function extensionArgs(options: { extensionPath: string; port?: number; domains?: readonly string[] }): string[];
