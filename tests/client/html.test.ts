import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, escapeHtml, makeNonce, previewHtml } from '../../client/src/preview/html';

const CSP_SOURCE = 'https://file+.vscode-resource.vscode-cdn.net';

function page(overrides: Partial<Parameters<typeof previewHtml>[0]> = {}): string {
  return previewHtml({
    cspSource: CSP_SOURCE,
    nonce: 'bm9uY2Utb25lLXR3bw==',
    scriptUri: `${CSP_SOURCE}/ext/dist/webview/main.js`,
    styleUri: `${CSP_SOURCE}/ext/dist/webview/main.css`,
    state: { uri: 'file:///models/us-pakistan-2025.scenario', locked: false },
    fileName: 'us-pakistan-2025.scenario',
    ...overrides,
  });
}

function cspOf(html: string): Map<string, string> {
  const content = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html)?.[1];
  expect(content, 'the page has a CSP meta tag').toBeDefined();
  const unescaped = content!.replace(/&#39;/g, "'").replace(/&amp;/g, '&');
  return new Map(unescaped.split(';').map((d) => d.trim()).filter(Boolean).map((d) => {
    const [name, ...values] = d.split(/\s+/);
    return [name!, values.join(' ')] as const;
  }));
}

describe('preview HTML', () => {
  it('starts the policy from default-src none and allows scripts only by nonce', () => {
    const csp = cspOf(page());
    expect(page()).toContain(`content="default-src 'none'; script-src 'nonce-`);
    expect(csp.get('default-src')).toBe("'none'");
    expect(csp.get('script-src')).toBe("'nonce-bm9uY2Utb25lLXR3bw=='");
    expect(csp.get('style-src')).toBe(CSP_SOURCE);
    expect(csp.get('connect-src')).toBe("'none'");
  });

  it('never allows unsafe-eval or unsafe-inline', () => {
    const html = page();
    expect(html).not.toMatch(/unsafe-/);
    expect(contentSecurityPolicy(CSP_SOURCE, 'n')).not.toMatch(/unsafe-|\*/);
  });

  it('gives every script element the nonce and has no inline script or style', () => {
    const html = page();
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attrs, body] of scripts) {
      expect(attrs).toContain('nonce="bm9uY2Utb25lLXR3bw=="');
      expect(attrs).toMatch(/ src="/);
      expect(body!.trim()).toBe('');
    }
    expect(html).not.toMatch(/<style\b/);
    expect(html).not.toMatch(/\son[a-z]+=/i);
  });

  it('escapes file names and URIs so they stay text', () => {
    const hostile = '<img src=x onerror=alert(1)></script>"\'&.scenario';
    const html = page({ fileName: hostile, state: { uri: `file:///x/${hostile}`, locked: true } });
    expect(html).not.toContain('<img');
    expect(html).not.toContain('</script>"');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;&lt;/script&gt;&quot;&#39;&amp;.scenario');
    expect(html).toContain('data-locked="true"');
    // exactly one closing script tag: ours
    expect(html.match(/<\/script>/g)).toHaveLength(1);
  });

  it('escapes the five HTML-significant characters', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
  });

  it('makes a fresh 128-bit nonce each time', () => {
    const nonces = new Set(Array.from({ length: 50 }, () => makeNonce()));
    expect(nonces.size).toBe(50);
    for (const n of nonces) expect(Buffer.from(n, 'base64')).toHaveLength(16);
  });
});
