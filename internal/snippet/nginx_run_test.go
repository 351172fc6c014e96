package snippet

import (
	"bufio"
	"crypto/sha256"
	"crypto/tls"
	"encoding/base64"
	"encoding/pem"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync/atomic"
	"testing"
)

// upstreamServer answers 200 and echoes the identity headers nginx set;
// for X-Client-Cert it echoes the SHA-256 thumbprint of the certificate
// (RFC 8705 §3.1), as an upstream checking certificate-bound tokens would.
func upstreamServer(t *testing.T) *httptest.Server {
	t.Helper()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintf(w, "upstream ok subject=%s verify=%s dn=%s x5t#S256=%s fingerprint=%s",
			r.Header.Get("X-Auth-Subject"), r.Header.Get("X-Client-Cert-Verify"),
			r.Header.Get("X-Client-Cert-Subject"), certThumbprint(r.Header.Get("X-Client-Cert")),
			r.Header.Get("X-Client-Cert-Fingerprint"))
	}))
	t.Cleanup(srv.Close)
	return srv
}

// TestNginxGateway starts nginx with the gateway snippet in front of a
// validator and an upstream, both httptest servers on 127.0.0.1.
func TestNginxGateway(t *testing.T) {
	nginxBinary(t)
	var validations atomic.Int32
	validator := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		validations.Add(1)
		if r.Header.Get("Authorization") != "Bearer good-token" {
			w.Header().Set("WWW-Authenticate", `Bearer error="invalid_token"`)
			w.WriteHeader(http.StatusUnauthorized)
			return
		}
		w.Header().Set("X-Auth-Subject", "alice")
	}))
	t.Cleanup(validator.Close)

	p := DefaultParams("")
	p.Upstream = upstreamServer(t).URL
	pki := newTestPKI(t, p.APIHost)
	site := newNginxSite(t, nginxSpec(t, "nginx_gateway"), p, pki, validator.URL+"/validate", "")
	site.check(t)
	site.start(t, site.port)

	client := &http.Client{Transport: &http.Transport{
		TLSClientConfig: pki.clientTLS(p.APIHost, false)}}
	t.Cleanup(client.CloseIdleConnections)
	base := fmt.Sprintf("https://127.0.0.1:%d", site.port)
	good := map[string]string{"Authorization": "Bearer good-token"}
	cases := []struct {
		name, path string
		hdr        map[string]string
		status     int
		body       string
	}{
		{"valid token", "/items", good, 200, "upstream ok subject=alice"},
		{"forged subject overwritten", "/items",
			map[string]string{"Authorization": "Bearer good-token", "X-Auth-Subject": "mallory"},
			200, "subject=alice"},
		{"bad token", "/items", map[string]string{"Authorization": "Bearer bad"}, 401, ""},
		{"no token", "/items", nil, 401, ""},
	}
	for _, q := range queryCases() {
		status := 200
		if q.refused {
			status = 400
		}
		cases = append(cases, struct {
			name, path string
			hdr        map[string]string
			status     int
			body       string
		}{"query " + q.query, "/items?" + q.query, good, status, ""})
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			status, body, hdr := get(t, client, base+c.path, c.hdr)
			if status != c.status || !strings.Contains(body, c.body) {
				t.Errorf("GET %s = %d %q, want %d containing %q", c.path, status, body,
					c.status, c.body)
			}
			if status == 400 && hdr.Get("Content-Type") != "application/json" {
				t.Errorf("400 Content-Type = %q, want application/json", hdr.Get("Content-Type"))
			}
			if status == 401 && !strings.Contains(hdr.Get("WWW-Authenticate"), "Bearer") {
				t.Errorf("401 without the validator's challenge: %v", hdr)
			}
		})
	}
	// Only the requests without a query credential reach the validator.
	want := int32(4)
	for _, q := range queryCases() {
		if !q.refused {
			want++
		}
	}
	if n := validations.Load(); n != want {
		t.Errorf("validator called %d times, want %d", n, want)
	}
	checkFragmentRefused(t, site.port, pki.clientTLS(p.APIHost, false))
	if n := validations.Load(); n != want {
		t.Errorf("a request line with '#' reached the validator")
	}
}

// checkFragmentRefused sends request lines with a raw '#', which Go's
// client never writes, and expects 400: nginx's $args ends at '#', but
// proxy_pass would forward the whole line, and Go's server reads the
// access_token after it.
func checkFragmentRefused(t *testing.T, port int, cfg *tls.Config) {
	t.Helper()
	for _, target := range []string{"/items#?access_token=leaked", "/items#frag",
		"/items?page=1#&api_key=x"} {
		status, body := rawGet(t, port, cfg, target)
		if status != 400 || !strings.Contains(body, "fragment") {
			t.Errorf("GET %s = %d %q, want 400 naming the fragment", target, status, body)
		}
	}
}

// rawGet writes "GET target HTTP/1.1" as given over TLS to 127.0.0.1:port
// with a valid token and returns the response status and body.
func rawGet(t *testing.T, port int, cfg *tls.Config, target string) (int, string) {
	t.Helper()
	conn, err := tls.Dial("tcp", fmt.Sprintf("127.0.0.1:%d", port), cfg)
	if err != nil {
		t.Fatalf("dial: %v", err)
	}
	defer conn.Close()
	fmt.Fprintf(conn, "GET %s HTTP/1.1\r\nHost: %s\r\nAuthorization: Bearer good-token\r\n"+
		"Connection: close\r\n\r\n", target, cfg.ServerName)
	resp, err := http.ReadResponse(bufio.NewReader(conn), nil)
	if err != nil {
		t.Fatalf("GET %s: %v", target, err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatalf("GET %s: body: %v", target, err)
	}
	return resp.StatusCode, string(body)
}

// queryCase is a query string and whether the nginx snippets refuse it.
type queryCase struct {
	query   string
	refused bool
}

// queryCases are the query strings both nginx snippets must refuse (a
// credential by any spelling frameworks decode to its name) or pass.
func queryCases() []queryCase {
	refused := []string{
		"api_key=x", "a=1&Access_Token=x", "token", "API_KEY=x", "Api-Key=x", "apikey=x",
		"api.key=x", "a=1;api_key=x", "api_key[]=x", "api_key%5B%5D=x", "%20api_key=x",
		"+access_token=x", "client_secret=x", "Client-Secret=x", "password=x", "JWT=x",
		"%61pi_key=x", "api%2Dkey=x", "api%5Fkey=x", "API%5fKEY=x", "%41PI_KEY=x",
		"ac%63ess_token=x", "x=1&%6Bey=2", "tok%65n",
		// Unicode case folding maps U+017F to "s" and U+212A to "k".
		"acce%C5%BF%C5%BF_token=x", "api_%E2%84%AAey=x", "acceſſ_token=x",
		"a=1&api_Key=x", "access_token%00=x", "x%e9=1",
	}
	passed := []string{
		"page=2&sort=name", "monkey=1", "tokens=3", "keys=2", "q=%41bc",
		"name=api_key", "a=b%5Fc", "tokenizer=on&keyboard=us", "apikeys=1",
		"q=caf%C3%A9", "q=ſ",
	}
	var cases []queryCase
	for _, q := range refused {
		cases = append(cases, queryCase{q, true})
	}
	for _, q := range passed {
		cases = append(cases, queryCase{q, false})
	}
	return cases
}

// certThumbprint returns the base64url SHA-256 of the DER of the
// URL-encoded PEM certificate v, or "none".
func certThumbprint(v string) string {
	pemText, err := url.PathUnescape(v)
	block, _ := pem.Decode([]byte(pemText))
	if err != nil || block == nil {
		return "none"
	}
	sum := sha256.Sum256(block.Bytes)
	return base64.RawURLEncoding.EncodeToString(sum[:])
}

// TestNginxMTLS starts nginx with the mTLS snippet and checks that only
// clients with a certificate from the client CA get through.
func TestNginxMTLS(t *testing.T) {
	nginxBinary(t)
	p := DefaultParams("")
	p.Upstream = upstreamServer(t).URL
	pki := newTestPKI(t, p.APIHost)
	site := newNginxSite(t, nginxSpec(t, "nginx_mtls"), p, pki, "http://127.0.0.1:9/", "")
	site.check(t)
	site.start(t, site.port)

	base := fmt.Sprintf("https://127.0.0.1:%d", site.port)
	withCert := &http.Client{Transport: &http.Transport{
		TLSClientConfig: pki.clientTLS(p.APIHost, true)}}
	noCert := &http.Client{Transport: &http.Transport{
		TLSClientConfig: pki.clientTLS(p.APIHost, false)}}
	t.Cleanup(withCert.CloseIdleConnections)
	t.Cleanup(noCert.CloseIdleConnections)

	// The upstream gets the certificate itself, so it can compute the
	// x5t#S256 of RFC 8705 §3.1; nginx's SHA-1 fingerprint is not sent,
	// and client-sent values of either header do not get through.
	sum := sha256.Sum256(pki.clientCert.Certificate[0])
	x5t := "x5t#S256=" + base64.RawURLEncoding.EncodeToString(sum[:])
	forged := map[string]string{"X-Client-Cert": "forged", "X-Client-Cert-Fingerprint": "ab"}
	status, body, _ := get(t, withCert, base+"/items", forged)
	if status != 200 || !strings.Contains(body, "verify=SUCCESS") ||
		!strings.Contains(body, "CN=test-client") || !strings.Contains(body, x5t+" ") ||
		!strings.HasSuffix(body, "fingerprint=") {
		t.Errorf("with certificate: %d %q, want 200 with verify=SUCCESS, the DN, %s "+
			"and no fingerprint", status, body, x5t)
	}
	if status, body, _ = get(t, noCert, base+"/items", nil); status != 400 {
		t.Errorf("without certificate: %d %q, want 400", status, body)
	}
	for _, q := range queryCases() {
		status, body, _ := get(t, withCert, base+"/items?"+q.query, nil)
		refused := status == 400 && strings.Contains(body, "invalid_request")
		if refused != q.refused {
			t.Errorf("query %s: %d %q, want refused=%v", q.query, status, body, q.refused)
		}
	}
	checkFragmentRefused(t, site.port, pki.clientTLS(p.APIHost, true))
}

// TestNginxVerifiesUpstream puts https upstreams behind both nginx
// snippets: only one whose certificate chains to the configured bundle
// and names the upstream host gets the request, token included.
func TestNginxVerifiesUpstream(t *testing.T) {
	nginxBinary(t)
	validator := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter,
		r *http.Request) {
	}))
	t.Cleanup(validator.Close)
	p := DefaultParams("")
	pki := newTestPKI(t, p.APIHost)
	attackerCA, attackerKey := newCA(t, "attacker CA")
	// localhost resolves to 127.0.0.1, so nginx checks a DNS name.
	cases := []struct {
		name, host string
		cert       tls.Certificate
		status     int
	}{
		{"trusted CA", "localhost", pki.upstreamCert(t, "localhost", false), 200},
		{"untrusted CA", "localhost",
			serverLeaf(t, attackerCA, attackerKey, "attacker.invalid", true), 502},
		{"untrusted CA, right name", "localhost",
			serverLeaf(t, attackerCA, attackerKey, "localhost", true), 502},
		{"trusted CA, other name", "localhost", pki.upstreamCert(t, "attacker.invalid", true), 502},
		// nginx compares an IP address with the common name or DNS names
		// only, as the README says.
		{"IP address as common name", "127.0.0.1", pki.upstreamCert(t, "127.0.0.1", true), 200},
	}
	for _, id := range []string{"nginx_gateway", "nginx_mtls"} {
		for _, c := range cases {
			t.Run(id+"/"+c.name, func(t *testing.T) {
				var hits atomic.Int32
				up := httptest.NewUnstartedServer(http.HandlerFunc(
					func(w http.ResponseWriter, r *http.Request) {
						hits.Add(1)
						fmt.Fprint(w, "upstream ok")
					}))
				up.TLS = &tls.Config{Certificates: []tls.Certificate{c.cert}}
				up.StartTLS()
				t.Cleanup(up.Close)
				p.Upstream = strings.Replace(up.URL, "127.0.0.1", c.host, 1)
				site := newNginxSite(t, nginxSpec(t, id), p, pki, validator.URL, "")
				site.start(t, site.port)
				client := &http.Client{Transport: &http.Transport{
					TLSClientConfig: pki.clientTLS(p.APIHost, id == "nginx_mtls")}}
				t.Cleanup(client.CloseIdleConnections)
				status, body, _ := get(t, client,
					fmt.Sprintf("https://127.0.0.1:%d/items", site.port),
					map[string]string{"Authorization": "Bearer secret"})
				if status != c.status || (status == 200) != (hits.Load() == 1) {
					t.Errorf("upstream with %s: %d %q, %d requests reached it; want %d",
						c.name, status, body, hits.Load(), c.status)
				}
			})
		}
	}
}

// TestNginxStringRoundTrip places hostile values with nginxString in a
// running nginx and checks that nginx serves them back unchanged.
func TestNginxStringRoundTrip(t *testing.T) {
	nginxBinary(t)
	values := []string{
		`a"b\c;d}e{f`, "back`tick */ /* x", `'single' "double"`, `# not a comment`,
		`\"`, `\\`, `trailing\`, `x\ty\n`, "caf\u00e9 ; } return 500;",
	}
	echoPort := freePort(t)
	var extra strings.Builder
	fmt.Fprintf(&extra, "    server {\n        listen 127.0.0.1:%d;\n", echoPort)
	for i, v := range values {
		q, err := nginxString(v)
		if err != nil {
			t.Fatalf("nginxString(%q): %v", v, err)
		}
		fmt.Fprintf(&extra, "        location = /echo/%d { return 200 %s; }\n", i, q)
	}
	extra.WriteString("    }\n")

	p := DefaultParams("")
	site := newNginxSite(t, nginxSpec(t, "nginx_gateway"), p, newTestPKI(t, p.APIHost),
		"http://127.0.0.1:9/validate", extra.String())
	site.check(t)
	site.start(t, site.port, echoPort)

	client := &http.Client{}
	for i, v := range values {
		url := fmt.Sprintf("http://127.0.0.1:%d/echo/%d", echoPort, i)
		if status, body, _ := get(t, client, url, nil); status != 200 || body != v {
			t.Errorf("value %d: nginx served %d %q, want %q", i, status, body, v)
		}
	}
}
