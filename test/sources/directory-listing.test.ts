import { describe, expect, it } from "vitest";
import { FormatError, InvalidArgumentError } from "../../src/core/errors.js";
import { decodeHtmlEntities, parseDirectoryListing } from "../../src/sources/directory-listing.js";
import { upstreamUrl } from "../../src/sources/upstream.js";

// Shaped like Apache 2.4 mod_autoindex output (FancyIndexing, as on themis.ssl.berkeley.edu).
const APACHE = `<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 3.2 Final//EN">
<html>
 <head>
  <title>Index of /sort_by_project/THEMIS/asi/skymaps/gako/gako_20110305</title>
 </head>
 <body>
<h1>Index of /sort_by_project/THEMIS/asi/skymaps/gako/gako_20110305</h1>
  <table>
   <tr><th valign="top"><img src="/icons/blank.gif" alt="[ICO]"></th><th><a href="?C=N;O=D">Name</a></th><th><a href="?C=M;O=A">Last modified</a></th></tr>
   <tr><td valign="top"><img src="/icons/back.gif" alt="[PARENTDIR]"></td><td><a href="/sort_by_project/THEMIS/asi/skymaps/gako/">Parent Directory</a></td></tr>
   <tr><td><a href="themis_skymap_gako_20110305-%2B_vXX.sav">themis_skymap_gako_20110305-+_vXX.sav</a></td></tr>
   <tr><td><a href="generation_info/">generation_info/</a></td></tr>
  </table>
<address>Apache/2.4.6 Server at data.phys.ucalgary.ca Port 443</address>
</body></html>`;

const APACHE_URL =
  "https://data.phys.ucalgary.ca/sort_by_project/THEMIS/asi/skymaps/gako/gako_20110305/";

// Shaped like nginx autoindex output.
const NGINX = `<html>
<head><title>Index of /data/themis/thg/l1/asi/gako/2011/01/</title></head>
<body>
<h1>Index of /data/themis/thg/l1/asi/gako/2011/01/</h1><hr><pre><a href="../">../</a>
<a href="thg_l1_asf_gako_2011010617_v01.cdf">thg_l1_asf_gako_2011010617_v01.cdf</a>     07-Jan-2011 03:12  2341938
<a href="thg_l1_asf_gako_2011010606_v01.cdf">thg_l1_asf_gako_2011010606_v01.cdf</a>     07-Jan-2011 03:12  2341938
</pre><hr></body>
</html>`;

describe("parseDirectoryListing", () => {
  it("reads an Apache index: decodes %2B, marks folders, skips parent and sort links", () => {
    // Expected from the page text above: one file (with a literal +) and one folder.
    expect(parseDirectoryListing(APACHE, APACHE_URL)).toEqual([
      { name: "generation_info", isDirectory: true },
      { name: "themis_skymap_gako_20110305-+_vXX.sav", isDirectory: false },
    ]);
  });

  it("accepts the directory URL without a trailing slash", () => {
    expect(parseDirectoryListing(APACHE, APACHE_URL.slice(0, -1))).toHaveLength(2);
  });

  it("reads an nginx index and sorts by name", () => {
    const entries = parseDirectoryListing(
      NGINX,
      "http://host/data/themis/thg/l1/asi/gako/2011/01/",
    );
    expect(entries.map((entry) => entry.name)).toEqual([
      "thg_l1_asf_gako_2011010606_v01.cdf",
      "thg_l1_asf_gako_2011010617_v01.cdf",
    ]);
  });

  it("handles quoting styles, case, entities, absolute same-dir links and duplicates", () => {
    const html = `<TITLE>Index of /d/</TITLE>
      <A HREF='one.cdf'>one</A> <a href=two.cdf>two</a> <a class="x" href="/d/three%20b.cdf">three</a>
      <a href="http://host/d/four.cdf">4</a> <a href="a&amp;b.txt">amp</a> <a href="&#x63;.txt">hex</a>
      <a href="one.cdf">again</a> <a href="sub/">sub</a> <a href="sub">sub without slash</a>`;
    expect(parseDirectoryListing(html, "http://host/d/")).toEqual([
      { name: "a&b.txt", isDirectory: false },
      { name: "c.txt", isDirectory: false },
      { name: "four.cdf", isDirectory: false },
      { name: "one.cdf", isDirectory: false },
      { name: "sub", isDirectory: true },
      { name: "three b.cdf", isDirectory: false },
      { name: "two.cdf", isDirectory: false },
    ]);
  });

  it("ignores links that are not direct children", () => {
    const html = `<h1>Index of /d/</h1>
      <a href="https://other.example/d/x.cdf">other host</a> <a href="/elsewhere/y.cdf">other path</a>
      <a href="deep/er/z.cdf">deeper</a> <a href="#top">fragment</a> <a href="mailto:a@b.c">mail</a>
      <a href="?C=S;O=A">sort</a> <a href="w.cdf?download=1">query</a> <a href="./">self</a>
      <a name="anchor">no href</a> <!-- <a href="commented.cdf">c</a> -->`;
    expect(parseDirectoryListing(html, "http://host/d/")).toEqual([]);
  });

  it("accepts an untitled page that links to its parent", () => {
    const html = `<ul><li><a href="../">up</a></li><li><a href="f.pgm.gz">f</a></li></ul>`;
    expect(parseDirectoryListing(html, "http://host/a/b/")).toEqual([
      { name: "f.pgm.gz", isDirectory: false },
    ]);
  });

  it("refuses a portal home page and non-HTML with a FormatError naming the URL", () => {
    const home = `<!DOCTYPE html><html><head><title>Data portal</title></head>
      <body><a href="/about.html">About</a><a href="news.html">News</a></body></html>`;
    for (const text of [home, "CDF\u0001 binary", ""]) {
      try {
        parseDirectoryListing(text, "http://host/x/y/");
        expect.unreachable("a non-listing must throw");
      } catch (error) {
        expect(error).toBeInstanceOf(FormatError);
        expect((error as FormatError).file).toBe("http://host/x/y/");
      }
    }
  });

  it("skips names that decode to a path (%2F, %2E%2E)", () => {
    const html = `<title>Index of /d/</title><a href="a%2F..%2Fb">x</a><a href="%2E%2E/">up</a><a href="ok">ok</a>`;
    expect(parseDirectoryListing(html, "http://h/d/")).toEqual([
      { name: "ok", isDirectory: false },
    ]);
  });

  it("keeps a malformed percent sign literally", () => {
    expect(
      parseDirectoryListing(`<title>Index of /d/</title><a href="100%.txt">x</a>`, "http://h/d/"),
    ).toEqual([{ name: "100%.txt", isDirectory: false }]);
  });
});

describe("decodeHtmlEntities", () => {
  it("decodes named, decimal and hex references and leaves unknown ones", () => {
    expect(decodeHtmlEntities("a&amp;b &lt;&#43;&#x2B;&gt; &bogus; &#0;")).toBe(
      "a&b <++> &bogus; &#0;",
    );
  });
});

describe("upstreamUrl", () => {
  const upstream = { name: "ucalgary", baseUrl: "http://127.0.0.1:4312/sort_by_project" };

  it("percent-encodes each segment, + as %2B (RFC 3986 §2.1)", () => {
    expect(
      upstreamUrl(
        upstream,
        "THEMIS/asi/skymaps/gako/gako_20110305/themis_skymap_gako_20110305-+_vXX.sav",
      ),
    ).toBe(
      "http://127.0.0.1:4312/sort_by_project/THEMIS/asi/skymaps/gako/gako_20110305/themis_skymap_gako_20110305-%2B_vXX.sav",
    );
    expect(upstreamUrl(upstream, "a b/c#d?.txt")).toBe(
      "http://127.0.0.1:4312/sort_by_project/a%20b/c%23d%3F.txt",
    );
  });

  it("keeps a trailing slash for folders and tolerates a trailing slash in baseUrl", () => {
    expect(upstreamUrl({ ...upstream, baseUrl: `${upstream.baseUrl}/` }, "THEMIS/")).toBe(
      "http://127.0.0.1:4312/sort_by_project/THEMIS/",
    );
    expect(upstreamUrl(upstream, "")).toBe("http://127.0.0.1:4312/sort_by_project/");
  });

  it("refuses .., . and absolute paths", () => {
    for (const bad of ["../etc/passwd", "a/../../b", "/abs", "a/./b", "C:/x", "a\\..\\b"]) {
      expect(() => upstreamUrl(upstream, bad)).toThrow(InvalidArgumentError);
    }
  });
});

describe("parseDirectoryListing on damaged pages", () => {
  it("returns entries or throws FormatError for every truncation and byte flip, nothing else", () => {
    const pages: string[] = [];
    // Truncations every 13 characters and single-character replacements every 17: bounded.
    for (let end = 0; end <= APACHE.length; end += 13) pages.push(APACHE.slice(0, end));
    const swaps = ['"', "'", "<", ">", "%", "&", "\u0000", "/"];
    for (let at = 0; at < APACHE.length; at += 17) {
      pages.push(`${APACHE.slice(0, at)}${swaps[at % swaps.length]}${APACHE.slice(at + 1)}`);
    }
    for (const page of pages) {
      try {
        const entries = parseDirectoryListing(page, APACHE_URL);
        // Invariant: never more than the two real children, never a name with a slash.
        expect(entries.length).toBeLessThanOrEqual(2);
        for (const entry of entries) expect(entry.name).not.toContain("/");
      } catch (error) {
        expect(error).toBeInstanceOf(FormatError);
      }
    }
  });
});
