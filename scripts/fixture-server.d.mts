export interface FixtureServer {
  port: number;
  /** The address of `path`, on 127.0.0.1 or on a host name Chromium maps to this server. */
  url(path: string, host?: string): string;
  close(): Promise<void>;
}
export function startFixtureServer(mounts: Record<string, string>): Promise<FixtureServer>;
