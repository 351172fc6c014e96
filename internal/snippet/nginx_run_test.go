package snippet

import (
	"crypto/sha256"
	"encoding/base64"
	"encoding/pem"
	"fmt"
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
	}
	passed := []string{
		"page=2&sort=name", "monkey=1", "tokens=3", "keys=2", "q=%41bc",
		"name=api_key", "a=b%5Fc", "tokenizer=on&keyboard=us", "apikeys=1",
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
