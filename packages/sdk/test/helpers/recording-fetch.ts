export interface SentRequest {
  method: string;
  url: URL;
  headers: Headers;
  body: string;
}

/** A fetch that records every request it sends (as sent, after middleware), then sends it. */
export function recordingFetch(): { fetch: (request: Request) => Promise<Response>; sent: SentRequest[] } {
  const sent: SentRequest[] = [];
  return {
    sent,
    async fetch(request) {
      sent.push({ method: request.method, url: new URL(request.url), headers: new Headers(request.headers), body: await request.clone().text() });
      return globalThis.fetch(request);
    },
  };
}
