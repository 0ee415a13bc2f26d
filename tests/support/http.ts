import { request, type IncomingHttpHeaders, type OutgoingHttpHeaders } from 'node:http';

export interface RawResponse {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

export interface RawRequest {
  port: number;
  method?: string;
  /** Sent as-is on the request line: no normalisation of `..` as fetch/URL would do. */
  path: string;
  headers?: OutgoingHttpHeaders;
  body?: string | Buffer;
  /** false: send no Host header at all (unless given in headers). */
  setHost?: boolean;
}

/**
 * One HTTP/1.1 request to 127.0.0.1 with full control over Host, Origin and the raw path
 * (fetch forbids setting Host and normalises paths).
 */
export function rawRequest(r: RawRequest): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: r.port,
        method: r.method ?? 'GET',
        path: r.path,
        headers: { Connection: 'close', ...r.headers },
        setHost: r.setHost ?? true,
        agent: false,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(r.body);
  });
}

/** POST /rpc/<method> with a JSON body and the given headers. */
export function rpc(port: number, method: string, input: unknown, headers: OutgoingHttpHeaders = {}): Promise<RawResponse> {
  return rawRequest({
    port,
    method: 'POST',
    path: `/rpc/${method}`,
    headers: { 'Content-Type': 'application/json', ...headers },
    body: input === undefined ? '' : JSON.stringify(input),
  });
}
