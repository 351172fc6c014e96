package snippet

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
)

// upstreamServer answers 200 and echoes the identity headers nginx set.
func upstreamServer(t *testing.T) *httptest.Server {
	t.Helper()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintf(w, "upstream ok subject=%s verify=%s dn=%s",
			r.Header.Get("X-Auth-Subject"), r.Header.Get("X-Client-Cert-Verify"),
			r.Header.Get("X-Client-Cert-Subject"))
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
		{"api_key in query", "/items?api_key=x", good, 400, `"error":"invalid_request"`},
		{"later param any case", "/items?a=1&Access_Token=x", good, 400, "invalid_request"},
		{"encoded underscore", "/items?api%5Fkey=x", good, 400, "invalid_request"},
		{"bare name", "/items?token", nil, 400, "invalid_request"},
		{"valid token", "/items", good, 200, "upstream ok subject=alice"},
		{"similar names pass", "/items?monkey=1&keys=2&tokens=3", good, 200, "upstream ok"},
		{"forged subject overwritten", "/items",
			map[string]string{"Authorization": "Bearer good-token", "X-Auth-Subject": "mallory"},
			200, "subject=alice"},
		{"bad token", "/items", map[string]string{"Authorization": "Bearer bad"}, 401, ""},
		{"no token", "/items", nil, 401, ""},
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
	if n := validations.Load(); n != 5 {
		t.Errorf("validator called %d times, want 5", n)
	}
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

	status, body, _ := get(t, withCert, base+"/items", nil)
	if status != 200 || !strings.Contains(body, "verify=SUCCESS") ||
		!strings.Contains(body, "CN=test-client") {
		t.Errorf("with certificate: %d %q, want 200 with verify=SUCCESS and the DN", status, body)
	}
	if status, body, _ = get(t, noCert, base+"/items", nil); status != 400 {
		t.Errorf("without certificate: %d %q, want 400", status, body)
	}
	if status, body, _ = get(t, withCert, base+"/items?key=x", nil); status != 400 ||
		!strings.Contains(body, "invalid_request") {
		t.Errorf("query credential: %d %q, want 400 invalid_request", status, body)
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
