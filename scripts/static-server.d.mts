/** Types of scripts/static-server.mjs (a plain static file server for dist/). */
export interface StaticServer {
  url: string;
  port: number;
  close(): Promise<void>;
}
export function startStaticServer(options?: {
  dir?: string;
  port?: number;
  host?: string;
  isolate?: boolean;
}): Promise<StaticServer>;
